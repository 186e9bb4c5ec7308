// Binds the contract to ipcMain: one prefixed channel per method, the sender checked on every
// message (our own origin, main frame), then the connection of the sending window (issue 13: each
// window has its own session; its events are viewed for that session's person).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { methodNames } from '../../shared/contract/api';
import { eventChannel, invokeChannel } from '../../shared/contract/bridge';
import type { Core } from '../core/createCore';
import type { ContractConnection } from '../core/identity';
import { ipcInvokeHandler } from './ipcInvoke';
import { isTrustedSender } from './senderOrigin';

export function bindIpc(core: Core): () => void {
  const connections = new Map<WebContents, ContractConnection>();
  const connectionOf = (event: IpcMainInvokeEvent): ContractConnection => {
    const contents = event.sender;
    let connection = connections.get(contents);
    if (!connection) {
      // The app's own window may create the first admin without the printed setup code: whoever
      // can open it already runs Deskline as this OS user (README "Sign-in").
      connection = core.connect(
        (name, payload) => {
          // Events carry call data: only to a page that is still our own (S-6).
          if (!contents.isDestroyed() && isTrustedSender(contents.mainFrame)) contents.send(eventChannel, name, payload);
        },
        { trustedForSetup: true },
      );
      connections.set(contents, connection);
      contents.once('destroyed', () => {
        connections.get(contents)?.close();
        connections.delete(contents);
      });
    }
    return connection;
  };
  for (const method of methodNames) {
    ipcMain.handle(invokeChannel(method), ipcInvokeHandler(connectionOf, method));
  }
  return () => {
    for (const connection of connections.values()) connection.close();
    connections.clear();
    for (const method of methodNames) ipcMain.removeHandler(invokeChannel(method));
  };
}
