// First start (issue 13): no account exists, so the first admin is created here with the one-time
// setup code the host printed where it was started (the Electron window needs no code).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/contract/identity';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

/** `ownWindow`: the Electron app's window, which the host trusts to set up without the printed code. */
export function FirstAdminSetup({ ownWindow, onSignedIn }: { ownWindow: boolean; onSignedIn: (reply: { session: SessionView; resumeToken: string }) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [fields, setFields] = useState({ setupCode: '', user: '', displayName: '', password: '' });
  const [error, setError] = useState<string | null>(null);
  const field = (name: keyof typeof fields, label: string, type = 'text') => (
    <label>
      {label}
      <input name={name} type={type} value={fields[name]} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} required />
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    call(client, 'setupFirstAdmin', ownWindow ? { ...fields, setupCode: 'window' } : fields).then(onSignedIn, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <form className="panel identity-form" aria-label={t('identity.setupHeading')} onSubmit={submit}>
      <h2>{t('identity.setupHeading')}</h2>
      <p>{t('identity.setupHint')}</p>
      {!ownWindow && field('setupCode', t('identity.setupCode'))}
      {field('user', t('identity.user'))}
      {field('displayName', t('identity.displayName'))}
      {field('password', t('identity.password'), 'password')}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit">{t('identity.createAdmin')}</button>
    </form>
  );
}
