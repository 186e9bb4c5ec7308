// People admin, one person (issue 13): edit name, agent number (工号), department and roles; reset the
// password; set or remove the phone account the desk registers as when they sign in (hot-desking).
// Each opens its own small form; the host validates, audits and never returns a password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/contract/identity';
import { roles, type Role } from '../../../shared/contract/roles';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

type Open = 'edit' | 'password' | 'phone' | null;

export function PersonActions({ person, onChanged, onError }: { person: PersonView; onChanged: () => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [open, setOpen] = useState<Open>(null);
  const [edit, setEdit] = useState({ displayName: person.displayName, agentNumber: person.agentNumber, department: person.department, roles: person.roles as Role[] });
  const [password, setPassword] = useState('');
  const [phone, setPhone] = useState({ server: person.phoneAccount?.server ?? '', sipUri: person.phoneAccount?.sipUri ?? '', authUser: person.phoneAccount?.authUser ?? '', password: '' });
  const user = person.userId;

  const submit = (request: Promise<unknown>) => (event?: FormEvent) => {
    event?.preventDefault();
    request.then(() => {
      setOpen(null);
      setPassword('');
      setPhone((p) => ({ ...p, password: '' }));
      onChanged();
    }, onError);
  };
  const toggle = (which: Open) => setOpen(open === which ? null : which);

  return (
    <>
      <button type="button" onClick={() => toggle('edit')}>{t('identity.edit', { user })}</button>
      <button type="button" onClick={() => toggle('password')}>{t('identity.resetPassword', { user })}</button>
      <button type="button" onClick={() => toggle('phone')}>{t('identity.phoneAccount', { user })}</button>
      {open === 'edit' && (
        <form
          aria-label={t('identity.edit', { user })}
          className="identity-form"
          onSubmit={(e) => submit(call(client, 'updatePerson', { userId: user, ...edit }))(e)}
        >
          {(['displayName', 'agentNumber', 'department'] as const).map((name) => (
            <label key={name}>
              {t(`identity.${name}`)}
              <input value={edit[name]} onChange={(e) => setEdit({ ...edit, [name]: e.target.value })} required={name === 'displayName'} />
            </label>
          ))}
          <fieldset>
            <legend>{t('identity.roles')}</legend>
            {roles.map((role) => (
              <label key={role}>
                <input
                  type="checkbox"
                  checked={edit.roles.includes(role)}
                  onChange={(e) => setEdit({ ...edit, roles: e.target.checked ? [...edit.roles, role] : edit.roles.filter((r) => r !== role) })}
                />
                {t(`identity.role.${role}`)}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('identity.save')}</button>
        </form>
      )}
      {open === 'password' && (
        <form
          aria-label={t('identity.resetPassword', { user })}
          className="identity-form"
          onSubmit={(e) => submit(call(client, 'resetPassword', { userId: user, password }))(e)}
        >
          <label>
            {t('identity.newPassword')}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
          </label>
          <button type="submit">{t('identity.savePassword')}</button>
        </form>
      )}
      {open === 'phone' && (
        <form
          aria-label={t('identity.phoneAccount', { user })}
          className="identity-form"
          onSubmit={(e) => submit(call(client, 'setPhoneAccount', { userId: user, account: phone }))(e)}
        >
          {(['server', 'sipUri', 'authUser'] as const).map((name) => (
            <label key={name}>
              {t(`identity.phone.${name}`)}
              <input value={phone[name]} onChange={(e) => setPhone({ ...phone, [name]: e.target.value })} required={name !== 'authUser'} />
            </label>
          ))}
          <label>
            {t('identity.phone.password')}
            <input type="password" autoComplete="new-password" value={phone.password} onChange={(e) => setPhone({ ...phone, password: e.target.value })} />
          </label>
          <button type="submit">{t('identity.phone.save')}</button>
          {person.phoneAccount && (
            <button type="button" onClick={() => submit(call(client, 'setPhoneAccount', { userId: user, account: null }))()}>
              {t('identity.phone.remove')}
            </button>
          )}
        </form>
      )}
    </>
  );
}
