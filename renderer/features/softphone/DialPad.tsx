// Outgoing calls: type or paste a number (Enter dials) or press the keypad, then "Call".
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

export function DialPad({ run }: { run: (a: () => Promise<unknown>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const client = useClient();
  const [target, setTarget] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await run(() => call(client, 'dial', { target }))) setTarget('');
  };
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
