// Which call's record the agent is writing: the newest answered call, else the call in wrap-up,
// else the last one written (kept so notes can still be amended after the call).
import { useState } from 'react';
import type { WrapUpView } from '../../../shared/contract/callClocks';
import type { CallView } from '../../../shared/contract/softphone';

export function useRecordFocus(calls: readonly CallView[], wrapUp: WrapUpView | null): string | null {
  const [last, setLast] = useState<string | null>(null);
  const talking = [...calls].reverse().find((c) => c.phase === 'active' || c.phase === 'held' || (c.phase === 'dialing' && c.direction === 'outbound'));
  const focus = talking?.callId ?? (wrapUp?.running ? wrapUp.callId : null);
  // Derived state kept across renders: updating during render is React's documented pattern.
  if (focus && focus !== last) setLast(focus);
  return focus ?? last;
}
