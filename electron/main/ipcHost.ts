// Binds the contract to ipcMain: one prefixed channel per method, the sender checked on every
// message (our own origin, main frame), then the same dispatcher the web host uses.
import { ipcMain, type WebContents } from 'electron';
import { methodNames } from '../../shared/contract/api';
import { eventChannel, invokeChannel } from '../../shared/contract/bridge';
import type { Core } from '../core/createCore';
import type { CallerContext } from '../core/kernel/caller';
import { ipcInvokeHandler } from './ipcInvoke';
import { isTrustedSender } from './senderOrigin';

export function bindIpc(core: Core, caller: CallerContext, windows: () => WebContents[]): () => void {
  for (const method of methodNames) {
    ipcMain.handle(invokeChannel(method), ipcInvokeHandler(core.dispatch, method, caller));
  }
  const unsubscribe = core.eventHub.subscribeFor(caller, (event, payload) => {
    for (const contents of windows()) {
      // Events carry call data: only to a page that is still our own (S-6).
      if (!contents.isDestroyed() && isTrustedSender(contents.mainFrame)) contents.send(eventChannel, event, payload);
    }
  });
  return () => {
    unsubscribe();
    for (const method of methodNames) ipcMain.removeHandler(invokeChannel(method));
  };
}
