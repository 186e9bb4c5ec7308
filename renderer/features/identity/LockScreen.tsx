// The lock screen (issue 13): who the desk belongs to and a password to unlock; only that person
// can. The phone stays on screen beside it (App), so a ringing call still shows who is calling.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/contract/identity';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

export function LockScreen({ session, onChanged }: { session: SessionView; onChanged: (view: SessionView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const name = session.person?.displayName ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    call(client, 'unlockSession', { password }).then(onChanged, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    setPassword('');
  };
  return (
    <form className="panel identity-form" aria-label={t('identity.unlock')} onSubmit={submit}>
      <h2>{t('identity.locked', { name })}</h2>
      <p>{t('identity.lockedHint', { name })}</p>
      <label>
        {t('identity.password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{t('identity.unlock')}</button>
    </form>
  );
}
