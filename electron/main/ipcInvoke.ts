// The body of every contract method on ipcMain: check the sender frame, then the same dispatcher
// the web host uses. No Electron import, so the whole path is tested in Node with the frame values
// Electron documents.
import type { MethodName } from '../../shared/contract/api';
import type { Envelope } from '../../shared/contract/envelope';
import type { Dispatch } from '../core/kernel/dispatcher';
import type { CallerContext } from '../core/kernel/caller';
import { isTrustedSender, type SenderFrame } from './senderOrigin';

/** What the handler reads of IpcMainInvokeEvent: `senderFrame` is null once the frame is gone. */
export interface InvokeEventLike {
  readonly senderFrame: SenderFrame | null;
}

export function ipcInvokeHandler(
  dispatch: Dispatch,
  method: MethodName,
  caller: CallerContext,
): (event: InvokeEventLike, payload: unknown) => Promise<Envelope<unknown>> {
  return (event, payload) => {
    if (!isTrustedSender(event.senderFrame)) {
      return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame.' } });
    }
    return dispatch(method, payload, caller);
  };
}
