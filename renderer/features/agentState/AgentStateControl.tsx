// The agent-state combobox ("Agent state") and how long the current state has lasted.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentState, AgentStateView, SelectableAgentState } from '../../../shared/contract/agentState';
import { selectableNotReadyReasons } from '../../../shared/contract/agentState';
import { call, HostError } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';
import { formatDuration } from '../../common/formatDuration';
import { useElapsed } from '../../common/useElapsed';

type Received = { view: AgentStateView; receivedAt: number };

const encode = (state: AgentState) => (state.kind === 'notReady' ? `notReady:${state.reason}` : state.kind);

function decode(value: string): SelectableAgentState | null {
  if (value === 'offline' || value === 'ready') return { kind: value };
  const reason = value.replace(/^notReady:/, '');
  return (selectableNotReadyReasons as readonly string[]).includes(reason)
    ? { kind: 'notReady', reason: reason as (typeof selectableNotReadyReasons)[number] }
    : null;
}

export function AgentStateControl() {
  const { t } = useTranslation();
  const client = useClient();
  const [received, setReceived] = useState<Received | null>(null);
  const [error, setError] = useState<string | null>(null);

  const accept = useCallback((view: AgentStateView) => setReceived({ view, receivedAt: performance.now() }), []);
  useHostEvent('onAgentStateChanged', accept);
  useEffect(() => {
    call(client, 'getAgentState', {}).then(accept, (e: unknown) => setError(String(e)));
  }, [client, accept]);

  const elapsed = useElapsed(received?.view.elapsedMs ?? 0, received?.receivedAt ?? 0);
  if (!received) return null;
  const current = received.view.state;

  const onChange = async (value: string) => {
    const next = decode(value);
    if (!next) return;
    setError(null);
    try {
      accept(await call(client, 'setAgentState', { state: next }));
    } catch (e) {
      setError(t('agentState.changeFailed', { message: e instanceof HostError ? e.message : String(e) }));
    }
  };

  return (
    <div className={`agent-state agent-state--${current.kind}`}>
      <label htmlFor="agent-state-select">{t('agentState.label')}</label>
      <select id="agent-state-select" value={encode(current)} onChange={(e) => void onChange(e.target.value)}>
        <option value="offline">{t('agentState.offline')}</option>
        <option value="ready">{t('agentState.ready')}</option>
        {selectableNotReadyReasons.map((reason) => (
          <option key={reason} value={`notReady:${reason}`}>
            {t(`agentState.notReady.${reason}`)}
          </option>
        ))}
        {current.kind === 'notReady' && current.reason === 'missed' && (
          <option value="notReady:missed" disabled>
            {t('agentState.notReady.missed')}
          </option>
        )}
      </select>
      <output className="agent-state__elapsed" aria-label={t('agentState.timeInState')}>
        {formatDuration(elapsed)}
      </output>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
