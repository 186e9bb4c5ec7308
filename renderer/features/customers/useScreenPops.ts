// The screen pops of the calls in progress: pushed by the host when a call starts ringing (and
// again when the agent picks a customer), fetched once at load, dropped when the call ends.
import { useEffect, useState } from 'react';
import type { ScreenPop } from '../../../shared/contract/customers';
import type { Role } from '../../../shared/contract/roles';
import { call } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';

function upsert(current: ScreenPop[], pop: ScreenPop): ScreenPop[] {
  const index = current.findIndex((p) => p.callId === pop.callId);
  if (index < 0) return [...current, pop];
  const next = [...current];
  next[index] = pop;
  return next;
}

export function useScreenPops(role: Role): ScreenPop[] {
  const client = useClient();
  const [pops, setPops] = useState<ScreenPop[]>([]);
  useHostEvent('onScreenPop', (pop) => setPops((current) => upsert(current, pop)));
  useHostEvent('onCallUpdated', (view) => {
    if (view.phase === 'ended') setPops((current) => current.filter((p) => p.callId !== view.callId));
  });
  useEffect(() => {
    // Only an agent has calls; a renderer loaded while one rings still gets its pop.
    if (role !== 'agent') return;
    call(client, 'getScreenPops', {}).then(
      (loaded) => setPops((current) => loaded.reduce(upsert, current)),
      () => undefined,
    );
  }, [client, role]);
  return pops;
}
