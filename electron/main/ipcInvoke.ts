// The body of every contract method on ipcMain: check the sender frame, then the door of the
// sending window's own connection (its session decides the caller, issue 13). No Electron import,
// so the whole path is tested in Node with the frame values Electron documents.
import type { MethodName } from '../../shared/contract/api';
import type { Envelope } from '../../shared/contract/envelope';
import { isTrustedSender, type SenderFrame } from './senderOrigin';

/** What the handler reads of IpcMainInvokeEvent: `senderFrame` is null once the frame is gone. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrame | null;
}

/** One window's connection: dispatches as that window's session. */
export interface ConnectionDoor {
  dispatch(method: unknown, payload: unknown): Promise<Envelope<unknown>>;
}

export function ipcInvokeHandler<E extends InvokeEventLike>(
  connectionOf: (event: E) => ConnectionDoor,
  method: MethodName,
): (event: E, payload: unknown) => Promise<Envelope<unknown>> {
  return (event, payload) => {
    if (!isTrustedSender(event.senderFrame)) {
      return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame.' } });
    }
    return connectionOf(event).dispatch(method, payload);
  };
}
