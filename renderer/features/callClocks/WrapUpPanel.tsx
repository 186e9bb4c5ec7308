// Wrap-up (after-call work): the timer against the limit, finish early, add time once, and where
// the agent goes afterwards (Ready, or a Not ready reason).
import { useTranslation } from 'react-i18next';
import { selectableNotReadyReasons, type SelectableAgentState } from '../../../shared/contract/agentState';
import type { WrapUpView } from '../../../shared/contract/callClocks';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { ClockTimer } from './ClockTimer';
import type { Received } from './useCallClocks';

type Run = (a: () => Promise<unknown>) => Promise<boolean>;

const encode = (s: SelectableAgentState) => (s.kind === 'notReady' ? `notReady:${s.reason}` : s.kind);
function decode(value: string): SelectableAgentState {
  const reason = selectableNotReadyReasons.find((r) => value === `notReady:${r}`);
  return reason ? { kind: 'notReady', reason } : { kind: 'ready' };
}

export function WrapUpPanel({ wrapUp, run }: { wrapUp: Received<WrapUpView> | null; run: Run }) {
  const { t } = useTranslation();
  const client = useClient();
  if (!wrapUp) return null;
  const { view, receivedAt } = wrapUp;
  return (
    <section className="wrap-up" aria-label={t('clocks.wrapUp')}>
      <ClockTimer label={t('clocks.wrapUpTime')} elapsedMs={view.elapsedMs} receivedAt={receivedAt} limitMs={view.limitMs} />
      <label htmlFor="wrap-up-after">{t('clocks.afterWrapUp')}</label>
      <select id="wrap-up-after" value={encode(view.after)} onChange={(e) => void run(() => call(client, 'chooseAfterWrapUp', { after: decode(e.target.value) }))}>
        <option value="ready">{t('agentState.ready')}</option>
        {selectableNotReadyReasons.map((reason) => (
          <option key={reason} value={`notReady:${reason}`}>
            {t(`agentState.notReady.${reason}`)}
          </option>
        ))}
      </select>
      <button type="button" disabled={view.extended} onClick={() => void run(() => call(client, 'extendWrapUp', { extraSec: 60 }))}>
        {t('clocks.addTime')}
      </button>
      <button type="button" onClick={() => void run(() => call(client, 'endWrapUp', {}))}>
        {t('clocks.finishWrapUp')}
      </button>
    </section>
  );
}
