// React access to the one DesklineClient: useClient() and useHostEvent() with automatic cleanup.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { EventName, EventPayloadOf } from '../../shared/contract/api';
import type { DesklineClient } from './client';

const ClientContext = createContext<DesklineClient | null>(null);

export function ClientProvider({ client, children }: { client: DesklineClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): DesklineClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() outside <ClientProvider>');
  return client;
}

/** Subscribe to a host event for the component's lifetime. */
export function useHostEvent<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): void {
  const client = useClient();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.on(event, (payload) => latest.current(payload)), [client, event]);
}
