// The agent's phone: status, the ringing banner, the calls in progress, the dial pad, the
// missed/declined lists and the account settings. Audio itself runs in RendererMediaEngine.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { HoldGuidePanel } from '../clocks/HoldGuidePanel';
import { MissedCallNotice } from '../clocks/MissedCallNotice';
import { RingCountStatus } from '../clocks/RingCountStatus';
import { useCallClocks } from '../clocks/useCallClocks';
import { WrapUpPanel } from '../clocks/WrapUpPanel';
import { CallControls } from './CallControls';
import { CallListsPanel } from './CallListsPanel';
import { DialPad } from './DialPad';
import { IncomingCallBanner } from './IncomingCallBanner';
import { RendererMediaEngine } from './media/rendererMediaEngine';
import { PhoneStatus } from './PhoneStatus';
import { SoftphoneSettingsDialog } from './SoftphoneSettingsDialog';
import { usePhoneAction } from './usePhoneAction';
import { useSoftphone } from './useSoftphone';

export function SoftphonePanel() {
  const { t } = useTranslation();
  const client = useClient();
  const phone = useSoftphone();
  const clocks = useCallClocks();
  const { error, run } = usePhoneAction();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [configured, setConfigured] = useState(true);

  useEffect(() => new RendererMediaEngine(client, () => ({ microphoneId: null, speakerId: null })).start(), [client]);
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
      <button type="button" onClick={() => setSettingsOpen(true)}>
        {t('softphone.settings')}
      </button>
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
      <MissedCallNotice notice={clocks.notice} onDismiss={clocks.dismissNotice} />
      <WrapUpPanel wrapUp={clocks.wrapUp} run={run} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <DialPad run={run} />
      <CallListsPanel lists={phone.lists} run={run} />
      {settingsOpen && (
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
