// The sign-in form (issue 13): "User", "Password", "Sign in". A refusal (wrong password, too many
// tries) is shown as the host words it; the password field is emptied, the user name kept.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/contract/identity';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

export function SignInForm({ onSignedIn }: { onSignedIn: (reply: { session: SessionView; resumeToken: string }) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    call(client, 'signIn', { user, password })
      .then(onSignedIn, (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setPassword('');
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="panel identity-form" aria-label={t('identity.signIn')} onSubmit={submit}>
      <h2>{t('identity.signIn')}</h2>
      <label>
        {t('identity.user')}
        <input name="user" autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} required />
      </label>
      <label>
        {t('identity.password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('identity.signingIn') : t('identity.signIn')}
      </button>
    </form>
  );
}
