// The one way the renderer talks to the host, whichever host it is: the Electron preload bridge
// or the web host's WebSocket. Components use this interface and never know which.
import type { MethodName, ReplyOf, RequestOf } from '../../shared/contract/api';
import type { DesklineBridge } from '../../shared/contract/bridge';
import type { ContractErrorData } from '../../shared/contract/envelope';
import { createBridgeClient } from './bridgeClient';
import type { DesklineClient } from './desklineClient';
import { createWebSocketClient } from './webSocketClient';

export type { ConnectionState, DesklineClient } from './desklineClient';

/** Thrown by {@link call} when the host answers with an error envelope. */
export class HostError extends Error {
  constructor(readonly error: ContractErrorData) {
    super(error.message);
    this.name = 'HostError';
  }
}

/** invoke() that unwraps the envelope, throwing HostError on failure. */
export async function call<M extends MethodName>(
  client: DesklineClient,
  method: M,
  request: RequestOf<M>,
): Promise<ReplyOf<M>> {
  const reply = await client.invoke(method, request);
  if (!reply.ok) throw new HostError(reply.error);
  return reply.value;
}

declare global {
  interface Window {
    deskline?: DesklineBridge;
  }
}

export function createClient(): DesklineClient {
  return window.deskline ? createBridgeClient(window.deskline) : createWebSocketClient(window.location);
}
