// DesklineClient over the Electron preload bridge (window.deskline).
import type { MethodName } from '../../shared/contract/api';
import type { DesklineBridge } from '../../shared/contract/bridge';
import type { DesklineClient } from './desklineClient';

export function createBridgeClient(bridge: DesklineBridge): DesklineClient {
  return {
    invoke: (method, request) => {
      const verb = bridge[method as MethodName] as (r: unknown) => Promise<never>;
      return verb(request);
    },
    on: (event, listener) => bridge.on(event, listener),
    onConnectionChange: (listener) => {
      // IPC to our own main process is always connected while the page exists.
      listener('open');
      return () => {};
    },
  };
}
