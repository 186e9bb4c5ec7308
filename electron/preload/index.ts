// Sandboxed preload: exposes exactly the contract's verbs and a typed event subscription.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isEventName, methodNames, type EventName } from '../../shared/contract/api';
import { eventChannel, invokeChannel, type DesklineBridge } from '../../shared/contract/bridge';

const bridge: Record<string, unknown> = {};
for (const method of methodNames) {
  bridge[method] = (request: unknown) => ipcRenderer.invoke(invokeChannel(method), request);
}
bridge.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!isEventName(event)) throw new Error(`Unknown Deskline event: ${String(event)}`);
  const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(eventChannel, handler);
  return () => ipcRenderer.removeListener(eventChannel, handler);
};

contextBridge.exposeInMainWorld('deskline', bridge as DesklineBridge);
