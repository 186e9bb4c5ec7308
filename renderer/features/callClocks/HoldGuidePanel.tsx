// Guided hold (S-2) for one call: the steps before holding, the promise, the hold timer against
// it, the check-in prompts, and "thank the caller" after Resume.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HoldGuideView } from '../../../shared/contract/callClocks';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { ClockTimer } from './ClockTimer';
import type { Received } from './useCallClocks';

type Run = (a: () => Promise<unknown>) => Promise<boolean>;
const presets = [
  ['promise30', 30_000],
  ['promise60', 60_000],
  ['promise120', 120_000],
] as const;

export function HoldGuidePanel({ hold, run }: { hold: Received<HoldGuideView> | undefined; run: Run }) {
  const { t } = useTranslation();
  const client = useClient();
  const [customSec, setCustomSec] = useState('');
  if (!hold) return null;
  const { view, receivedAt } = hold;
  const { callId } = view;
  const promise = (promisedMs: number) => run(() => call(client, 'holdWithPromise', { callId, promisedMs }));

  if (view.phase === 'guiding' && view.step) {
    const last = view.step === 'giveExpectedTime';
    return (
      <section className="hold-guide" aria-label={t('clocks.holdSteps')}>
        <p className="hold-guide__step">
          <strong>{t(`clocks.step.${view.step}`)}</strong> {t(`clocks.say.${view.step}`)}
        </p>
        {last ? (
          <div className="hold-guide__promises">
            {presets.map(([key, ms]) => (
              <button key={key} type="button" onClick={() => void promise(ms)}>
                {t(`clocks.${key}`)}
              </button>
            ))}
            <label htmlFor={`custom-hold-${callId}`}>{t('clocks.customSeconds')}</label>
            <input id={`custom-hold-${callId}`} type="number" min={5} max={3600} value={customSec} onChange={(e) => setCustomSec(e.target.value)} />
            <button type="button" disabled={!(Number(customSec) >= 5)} onClick={() => void promise(Math.round(Number(customSec) * 1000))}>
              {t('clocks.useCustom')}
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => void run(() => call(client, 'nextHoldStep', { callId }))}>
            {t('clocks.next')}
          </button>
        )}
        <button type="button" onClick={() => void run(() => call(client, 'cancelHoldSteps', { callId }))}>
          {t('clocks.cannotWait')}
        </button>
      </section>
    );
  }
  if (view.phase === 'onHold' && view.elapsedMs !== null && view.promisedMs !== null) {
    return (
      <div className="hold-guide">
        <ClockTimer label={t('clocks.holdTime')} elapsedMs={view.elapsedMs} receivedAt={receivedAt} limitMs={view.promisedMs} />
        {view.checkInPending && (
          <div role="alert" className="hold-guide__check-in">
            {t('clocks.checkIn')}{' '}
            <button type="button" onClick={() => void run(() => call(client, 'callerUpdatedOnHold', { callId }))}>
              {t('clocks.callerUpdated')}
            </button>
          </div>
        )}
      </div>
    );
  }
  return view.thankCaller ? (
    <p role="status" className="hold-guide__thanks">
      {t('clocks.thankCaller')}
    </p>
  ) : null;
}
