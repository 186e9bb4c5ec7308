// Outgoing calls: type or paste a number (Enter dials) or press the keypad, then "Call". The
// number stays in the box until the call connects, so a busy or failed call can be redialled.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../shared/contract/softphone';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export function DialPad({ run, calls }: { run: (a: () => Promise<unknown>) => Promise<boolean>; calls: CallView[] }) {
  const { t } = useTranslation();
  const client = useClient();
  const [target, setTarget] = useState('');
  const [dialled, setDialled] = useState<{ callId: string; target: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let view: CallView | null = null;
    if (await run(async () => (view = await call(client, 'dial', { target })))) {
      const placed = view as CallView | null;
      if (placed) setDialled({ callId: placed.callId, target });
    }
  };
  // Cleared once answered, unless the agent has already typed something else (adjusting state
  // while rendering, as React recommends over an effect, so no frame shows the stale number).
  if (dialled && calls.some((c) => c.callId === dialled.callId && c.phase !== 'dialing')) {
    setDialled(null);
    if (target === dialled.target) setTarget('');
  }
  return (
    <form className="dial-pad" onSubmit={(e) => void submit(e)}>
      <label htmlFor="dial-target">{t('softphone.number')}</label>
      <input id="dial-target" inputMode="tel" autoComplete="off" value={target} onChange={(e) => setTarget(e.target.value)} />
      <div className="keypad" role="group" aria-label={t('softphone.keypad')}>
        {keys.map((key) => (
          <button key={key} type="button" onClick={() => setTarget((v) => v + key)}>
            {key}
          </button>
        ))}
      </div>
      <button type="submit" disabled={target.trim() === ''}>
        {t('softphone.call')}
      </button>
    </form>
  );
}
