// Makes a ringing call impossible to miss: the ringtone on the ringer device in the configured
// cadence, and a desktop notification when the workstation is not in front (S-1: three rings).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../shared/contract/softphone';
import type { RingCadence } from '../../../shared/domain/ringCadence';
import { Ringtone } from './media/ringtone';

export function useIncomingCallAlerts(calls: CallView[], cadence: RingCadence | null, ringerId: string | null): void {
  const { t } = useTranslation();
  const ringtone = useRef<Ringtone | null>(null);
  const notifications = useRef(new Map<string, Notification>());
  const ringing = calls.filter((c) => c.direction === 'inbound' && c.phase === 'ringing');
  // A call waiting behind a call in progress shows its banner but does not ring over the conversation.
  const shouldRing = ringing.some((c) => !c.waiting);
  const ringingIds = ringing.map((c) => c.callId).join(',');

  useEffect(() => {
    if (!shouldRing || !cadence) return;
    const tone = (ringtone.current ??= new Ringtone());
    void tone.start(cadence, ringerId).catch(() => undefined);
    return () => tone.stop();
  }, [shouldRing, cadence, ringerId]);

  useEffect(() => {
    const open = notifications.current;
    for (const view of ringing) {
      if (open.has(view.callId) || typeof Notification === 'undefined' || Notification.permission !== 'granted') continue;
      if (!document.hidden && document.hasFocus()) continue;
      const body = view.remote.name ? `${view.remote.number} — ${view.remote.name}` : view.remote.number;
      const notification = new Notification(t('softphone.notificationTitle'), { body, tag: view.callId, requireInteraction: true });
      notification.onclick = () => window.focus();
      open.set(view.callId, notification);
    }
    for (const [callId, notification] of open) {
      if (!ringing.some((c) => c.callId === callId)) {
        notification.close();
        open.delete(callId);
      }
    }
    // ringingIds stands for `ringing`, which is a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ringingIds, t]);

  // Notifications stay until closed (requireInteraction): close ours when the phone panel goes.
  useEffect(() => {
    const open = notifications.current;
    return () => {
      for (const notification of open.values()) notification.close();
      open.clear();
    };
  }, []);
}
