// One answered (or dialing) call: Hold/Resume, Mute/Unmute, keypad tones, Transfer, Hang up.
// Button names are a contract (screen readers and acceptance tests): none contains another's.
import { useState, type FormEvent, type ReactNode } from 'react';
import type { HoldGuideView } from '../../../shared/contract/callClocks';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../shared/contract/softphone';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

type Run = (a: () => Promise<unknown>) => Promise<boolean>;
const tones = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export interface CallControlsProps {
  view: CallView;
  consultCall: CallView | null;
  run: Run;
  /** S-2: Hold opens the hold steps rather than holding at once. */
  guidedHold: boolean;
  holdGuide: HoldGuideView | null;
  /** The hold guide for this call. */
  children?: ReactNode;
}

export function CallControls({ view, consultCall, run, guidedHold, holdGuide, children }: CallControlsProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [transferOpen, setTransferOpen] = useState(false);
  const [target, setTarget] = useState('');
  const { callId } = view;
  const answered = view.phase === 'active' || view.phase === 'held';

  const blind = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => call(client, 'blindTransfer', { callId, target }))) setTransferOpen(false);
  };
  const consult = () => run(() => call(client, 'startConsultCall', { callId, target }));

  return (
    <section className={`call call--${view.phase}`} aria-label={t('softphone.currentCall', { number: view.remote.number })} data-call-id={callId}>
      <p className="call__who">
        {view.consultFor ? `${t('softphone.consultFor')}: ` : ''}
        {view.remote.number}
        {view.remote.name && <span> — {view.remote.name}</span>} ·{' '}
        {/* An outgoing call whose far end is alerting (180/183) reads "Ringing", not "Dialing". */}
        {t(`softphone.phase.${view.phase === 'dialing' && view.ringingAt ? 'ringing' : view.phase}`)}
      </p>
      {view.transfer && <p className="call__transfer">{t(`softphone.transferStatus.${view.transfer.status}`, { target: view.transfer.target })}</p>}
      <div className="call__actions">
        {answered &&
          (view.phase === 'held' ? (
            <button type="button" onClick={() => void run(() => call(client, 'resumeCall', { callId }))}>
              {t('softphone.resume')}
            </button>
          ) : (
            <button
              type="button"
              disabled={holdGuide?.phase === 'guiding'}
              onClick={() => void run(() => (guidedHold ? call(client, 'startHoldSteps', { callId }) : call(client, 'holdCall', { callId })))}
            >
              {t('softphone.hold')}
            </button>
          ))}
        {answered && (
          <button type="button" aria-pressed={view.muted} onClick={() => void run(() => call(client, view.muted ? 'unmuteCall' : 'muteCall', { callId }))}>
            {view.muted ? t('softphone.unmute') : t('softphone.mute')}
          </button>
        )}
        {answered && !view.consultFor && (
          <button type="button" aria-expanded={transferOpen} onClick={() => setTransferOpen((open) => !open)}>
            {t('softphone.transfer')}
          </button>
        )}
        {consultCall && (
          <button type="button" onClick={() => void run(() => call(client, 'completeAttendedTransfer', { callId, consultCallId: consultCall.callId }))}>
            {t('softphone.completeTransfer')}
          </button>
        )}
        <button type="button" className="button--hang-up" onClick={() => void run(() => call(client, 'hangUp', { callId }))}>
          {t('softphone.hangUp')}
        </button>
      </div>
      {children}
      {transferOpen && (
        <form className="call__transfer-form" onSubmit={(e) => void blind(e)}>
          <label htmlFor={`transfer-${callId}`}>{t('softphone.transferTarget')}</label>
          <input id={`transfer-${callId}`} inputMode="tel" value={target} onChange={(e) => setTarget(e.target.value)} />
          <button type="submit" disabled={target.trim() === ''}>
            {t('softphone.blindTransfer')}
          </button>
          <button type="button" disabled={target.trim() === ''} onClick={() => void consult()}>
            {t('softphone.consult')}
          </button>
        </form>
      )}
      {view.phase === 'active' && (
        <div className="keypad keypad--dtmf" role="group" aria-label={t('softphone.keypad')}>
          {tones.map((tone) => (
            <button key={tone} type="button" onClick={() => void run(() => call(client, 'sendDtmf', { callId, tones: tone }))}>
              {tone}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
