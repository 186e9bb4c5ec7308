// Binds the contract to ipcMain: one prefixed channel per method, the sender checked on every
// message (our own origin, main frame), then the same dispatcher the web host uses.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { methodNames } from '../../shared/contract/api';
import { eventChannel, invokeChannel } from '../../shared/contract/bridge';
import type { Envelope } from '../../shared/contract/envelope';
import type { Core } from '../core/createCore';
import type { CallerContext } from '../core/dispatcher';
import { appOrigin } from './appProtocol';

export function bindIpc(core: Core, caller: CallerContext, windows: () => WebContents[]): () => void {
  for (const method of methodNames) {
    ipcMain.handle(invokeChannel(method), (event, payload): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        return Promise.resolve({ ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame.' } });
      }
      return core.dispatch(method, payload, caller);
    });
  }
  const unsubscribe = core.eventHub.subscribeFor(caller, (event, payload) => {
    for (const contents of windows()) {
      if (!contents.isDestroyed()) contents.send(eventChannel, event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const method of methodNames) ipcMain.removeHandler(invokeChannel(method));
  };
}

function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  try {
    return new URL(frame.url).origin === appOrigin;
  } catch {
    return false;
  }
}
