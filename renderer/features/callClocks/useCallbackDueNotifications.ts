// S-7: a callback that becomes due soon or overdue raises a desktop notification once (per call
// and state), so an agent busy in another window still hears about it; the badge shows it in place.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DueStatus } from '../../../shared/domain/dueDates';

export interface CallbackDueState {
  callId: string;
  number: string;
  status: DueStatus;
}

export function useCallbackDueNotifications(states: readonly CallbackDueState[]): void {
  const { t } = useTranslation();
  const notified = useRef(new Set<string>());
  const key = states.map((s) => `${s.callId}:${s.status}`).join(',');
  useEffect(() => {
    if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
    for (const state of states) {
      if (state.status === 'onTrack') continue;
      const id = `${state.callId}:${state.status}`;
      if (notified.current.has(id)) continue;
      notified.current.add(id);
      new Notification(t(`clocks.callbackNotification.${state.status}`), { body: state.number, tag: id });
    }
    // `key` stands for `states`, which is a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, t]);
}
