// This tab's session (issue 13): read at start and after every reconnect, kept current by
// onSessionChanged (signed out elsewhere, locked by idle time) and by the replies of sign-in,
// lock and unlock. The resume token of a sign-in is kept for reloads (sessionStorage).
import { useCallback, useEffect, useState } from 'react';
import type { SessionView } from '../../../shared/contract/identity';
import { call } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';
import { sessionToken } from '../../api/sessionToken';

export function useSession() {
  const client = useClient();
  const [session, setSession] = useState<SessionView | null>(null);

  const refresh = useCallback(() => {
    call(client, 'getSession', {}).then(setSession, () => undefined);
  }, [client]);
  useEffect(
    () =>
      client.onConnectionChange((state) => {
        if (state === 'open') refresh();
      }),
    [client, refresh],
  );
  useHostEvent('onSessionChanged', (view) => {
    if (view.state === 'signedOut' || view.state === 'setupRequired') sessionToken.clear();
    setSession(view);
  });

  const signedIn = useCallback((reply: { session: SessionView; resumeToken: string }) => {
    sessionToken.set(reply.resumeToken);
    setSession(reply.session);
  }, []);
  const signedOut = useCallback((view: SessionView) => {
    sessionToken.clear();
    setSession(view);
  }, []);
  return { session, setSession, signedIn, signedOut };
}
