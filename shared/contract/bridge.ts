// The narrow API the Electron preload exposes on `window.deskline`: one verb per contract method
// and a typed `on` that returns its unsubscribe function. Never a generic send(channel, ...).
import type { EventName, EventPayloadOf, MethodName, ReplyOf, RequestOf } from './api';
import type { Envelope } from './envelope';

export type DesklineBridge = {
  [M in MethodName]: (request: RequestOf<M>) => Promise<Envelope<ReplyOf<M>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};

/** IPC channel names are prefixed so nothing else on ipcMain can be reached through them. */
export const ipcChannelPrefix = 'deskline:';
export const invokeChannel = (method: MethodName) => `${ipcChannelPrefix}invoke:${method}`;
export const eventChannel = `${ipcChannelPrefix}event`;
