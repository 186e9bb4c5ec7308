// The agent's phone: status, the ringing banner, the calls in progress, the dial pad, the
// missed/declined lists and the account settings. Audio itself runs in RendererMediaEngine.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { CallRecordPanel } from '../callLog/CallRecordPanel';
import { useRecordFocus } from '../callLog/useRecordFocus';
import { HoldGuidePanel } from '../callClocks/HoldGuidePanel';
import { MissedCallNotice } from '../callClocks/MissedCallNotice';
import { RingCountStatus } from '../callClocks/RingCountStatus';
import { useCallClocks } from '../callClocks/useCallClocks';
import { WrapUpPanel } from '../callClocks/WrapUpPanel';
import { HeadsetControl } from '../headset/HeadsetControl';
import { CallControls } from './CallControls';
import { CallListsPanel } from './CallListsPanel';
import { CallOutcomeNotice } from './CallOutcomeNotice';
import { DialPad } from './DialPad';
import { IncomingCallBanner } from './IncomingCallBanner';
import { RendererMediaEngine } from './media/rendererMediaEngine';
import { PhoneStatus } from './PhoneStatus';
import { SoftphoneSettingsDialog } from './SoftphoneSettingsDialog';
import { useAudioDevices } from './useAudioDevices';
import { useIncomingCallAlerts } from './useIncomingCallAlerts';
import { usePhoneAction } from './usePhoneAction';
import { usePhoneShortcuts } from './usePhoneShortcuts';
import { useSoftphone } from './useSoftphone';

/**
 * `locked` (issue 13): the desk is locked. The panel stays mounted, so live calls keep their audio
 * (the media engine answers the host's media requests) and a ringing call still shows who calls;
 * notes, call lists, dialling and settings are hidden until the same person unlocks.
 */
export function SoftphonePanel({ locked = false }: { locked?: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const phone = useSoftphone();
  const clocks = useCallClocks();
  const { error, run } = usePhoneAction();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [configured, setConfigured] = useState(true);

  const { devices, gone, getDevices } = useAudioDevices();
  const engine = useMemo(() => new RendererMediaEngine(client, getDevices), [client, getDevices]);
  useEffect(() => engine.start(), [engine]);
  useEffect(() => void engine.useSpeaker(devices.speakerId).catch(() => undefined), [engine, devices.speakerId]);
  useIncomingCallAlerts(phone.calls, clocks.settings?.ringCadence ?? null, devices.ringerId);
  usePhoneShortcuts(run);
  const recordCallId = useRecordFocus(phone.calls, clocks.wrapUp?.view ?? null);
  // The browser knows first when the network is back: reconnect now rather than on backoff.
  useEffect(() => {
    const online = () => void call(client, 'reportNetworkChanged', {}).catch(() => undefined);
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [client]);
  useEffect(() => {
    call(client, 'getSoftphoneSettings', {}).then((v) => setConfigured(v.configured), () => undefined);
  }, [client]);

  if (phone.unavailable) return null;
  const ringing = phone.calls.filter((c) => c.phase === 'ringing' && c.direction === 'inbound');
  const inProgress = phone.calls.filter((c) => !(c.phase === 'ringing' && c.direction === 'inbound'));

  return (
    <section className="panel softphone" aria-labelledby="softphone-heading">
      <h2 id="softphone-heading">{t('softphone.heading')}</h2>
      <PhoneStatus registration={phone.registration} configured={configured} />
      <HeadsetControl calls={phone.calls} run={run} />
      {!locked && (
        <button type="button" onClick={() => setSettingsOpen(true)}>
          {t('softphone.settings')}
        </button>
      )}
      {ringing.map((view) => (
        <IncomingCallBanner key={view.callId} view={view} run={run}>
          <RingCountStatus ring={clocks.rings.get(view.callId)} />
        </IncomingCallBanner>
      ))}
      {inProgress.map((view) => (
        <CallControls
          key={view.callId}
          view={view}
          run={run}
          consultCall={phone.calls.find((c) => c.consultFor === view.callId) ?? null}
          guidedHold={clocks.settings?.guidedHold ?? true}
          holdGuide={clocks.holds.get(view.callId)?.view ?? null}
        >
          <HoldGuidePanel hold={clocks.holds.get(view.callId)} run={run} />
        </CallControls>
      ))}
      {gone.map((kind) => (
        <p key={kind} role="status" className="device-gone">
          {t('softphone.deviceGone', { kind: t(`softphone.${kind}`).toLowerCase() })}
        </p>
      ))}
      <MissedCallNotice notice={clocks.notice} onDismiss={clocks.dismissNotice} />
      <CallOutcomeNotice />
      {!locked && <WrapUpPanel wrapUp={clocks.wrapUp} run={run} />}
      {!locked && <CallRecordPanel callId={recordCallId} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!locked && <DialPad run={run} calls={phone.calls} />}
      {!locked && <CallListsPanel lists={phone.lists} run={run} />}
      {settingsOpen && !locked && (
        <SoftphoneSettingsDialog
          onClose={() => setSettingsOpen(false)}
          onSaved={(view) => {
            setConfigured(view.configured);
            setSettingsOpen(false);
          }}
        />
      )}
    </section>
  );
}
