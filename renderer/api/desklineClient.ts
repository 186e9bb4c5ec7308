// The client interface every transport implements (the preload bridge, the web host's WebSocket).
import type { EventName, EventPayloadOf, MethodName, ReplyOf, RequestOf } from '../../shared/contract/api';
import type { Envelope } from '../../shared/contract/envelope';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface DesklineClient {
  invoke<M extends MethodName>(method: M, request: RequestOf<M>): Promise<Envelope<ReplyOf<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}
