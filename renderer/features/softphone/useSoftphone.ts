// The softphone as the UI sees it: registration, calls in progress and the missed/declined lists,
// loaded once and then kept current by host events.
import { useCallback, useEffect, useState } from 'react';
import type { CallLists, CallView, RegistrationStatus } from '../../../shared/contract/softphone';
import { call, HostError } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';

export interface SoftphoneView {
  registration: RegistrationStatus | null;
  /** Calls not yet ended, oldest first. */
  calls: CallView[];
  lists: CallLists | null;
  /** The host refused to report (e.g. the role has no phone). */
  unavailable: string | null;
}

export function useSoftphone(): SoftphoneView {
  const client = useClient();
  const [registration, setRegistration] = useState<RegistrationStatus | null>(null);
  const [calls, setCalls] = useState<CallView[]>([]);
  const [lists, setLists] = useState<CallLists | null>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);

  const upsert = useCallback((view: CallView) => {
    setCalls((current) => {
      const rest = current.filter((c) => c.callId !== view.callId);
      if (view.phase === 'ended') return rest;
      const index = current.findIndex((c) => c.callId === view.callId);
      if (index < 0) return [...current, view];
      const next = [...current];
      next[index] = view;
      return next;
    });
  }, []);

  useHostEvent('onRegistrationChanged', setRegistration);
  useHostEvent('onCallUpdated', upsert);
  useHostEvent('onCallListsChanged', setLists);
  useEffect(() => {
    let stopped = false;
    let retry: number | undefined;
    const load = () =>
      call(client, 'getSoftphoneState', {}).then(
        (state) => {
          if (stopped) return;
          setRegistration(state.registration);
          setCalls(state.calls);
        },
        (e: unknown) => {
          if (stopped) return;
          // Only the host saying there is no phone here hides the panel; anything else (the
          // connection not up yet, a timeout) is tried again, or calls would ring with no Answer.
          if (e instanceof HostError && (e.error.code === 'UNAVAILABLE' || e.error.code === 'FORBIDDEN')) setUnavailable(e.message);
          else retry = window.setTimeout(load, 1_000);
        },
      );
    load();
    call(client, 'getCallLists', {}).then(setLists, () => undefined);
    return () => {
      stopped = true;
      window.clearTimeout(retry);
    };
  }, [client]);

  return { registration, calls, lists, unavailable };
}
