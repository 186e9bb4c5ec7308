// The clocks as the UI sees them: the latest ring per ringing call, hold guides per call, the
// running wrap-up and the last notice; each stamped with when it arrived so timers count on locally.
import { useCallback, useEffect, useState } from 'react';
import type { ClockNotice, ClockSettings, HoldGuideView, RingCount, WrapUpView } from '../../../shared/contract/callClocks';
import { call } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';

export interface Received<T> {
  view: T;
  receivedAt: number;
}

export interface CallClocksView {
  rings: Map<string, RingCount>;
  holds: Map<string, Received<HoldGuideView>>;
  wrapUp: Received<WrapUpView> | null;
  notice: ClockNotice | null;
  dismissNotice(): void;
  settings: ClockSettings | null;
}

const stamp = <T,>(view: T): Received<T> => ({ view, receivedAt: performance.now() });

export function useCallClocks(): CallClocksView {
  const client = useClient();
  const [rings, setRings] = useState(new Map<string, RingCount>());
  const [holds, setHolds] = useState(new Map<string, Received<HoldGuideView>>());
  const [wrapUp, setWrapUp] = useState<Received<WrapUpView> | null>(null);
  const [notice, setNotice] = useState<ClockNotice | null>(null);
  const [settings, setSettings] = useState<ClockSettings | null>(null);

  const onRing = useCallback((ring: RingCount) => setRings((m) => new Map(m).set(ring.callId, ring)), []);
  const onHold = useCallback((hold: HoldGuideView) => setHolds((m) => new Map(m).set(hold.callId, stamp(hold))), []);
  const onWrapUp = useCallback((view: WrapUpView) => setWrapUp(view.running ? stamp(view) : null), []);
  useHostEvent('onRingCount', onRing);
  useHostEvent('onHoldGuideChanged', onHold);
  useHostEvent('onWrapUpChanged', onWrapUp);
  useHostEvent('onClockNotice', setNotice);
  // A call that ended takes its ring count and hold guide with it.
  useHostEvent('onCallUpdated', (view) => {
    if (view.phase === 'ringing') return;
    setRings((m) => (m.has(view.callId) ? new Map([...m].filter(([id]) => id !== view.callId)) : m));
    if (view.phase === 'ended') setHolds((m) => (m.has(view.callId) ? new Map([...m].filter(([id]) => id !== view.callId)) : m));
  });

  useEffect(() => {
    call(client, 'getCallClocks', {}).then(
      (state) => {
        setRings(new Map(state.rings.map((r) => [r.callId, r])));
        setHolds(new Map(state.holds.map((h) => [h.callId, stamp(h)])));
        setWrapUp(state.wrapUp?.running ? stamp(state.wrapUp) : null);
      },
      () => undefined, // a host without a softphone has no clocks
    );
    call(client, 'getClockSettings', {}).then(setSettings, () => undefined);
  }, [client]);
  useHostEvent('onClockSettingsChanged', setSettings);

  return { rings, holds, wrapUp, notice, dismissNotice: () => setNotice(null), settings };
}
