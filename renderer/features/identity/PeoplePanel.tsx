// People admin (issue 13, admin role): the "People" table, "New person" with roles, agent number
// (工号) and a first password, enabling/disabling a person, and per person editing, a password reset
// and the phone account (PersonActions). The host audits every change.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/contract/identity';
import { roles, type Role } from '../../../shared/contract/roles';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { PersonActions } from './PersonActions';

const blank = { userId: '', displayName: '', agentNumber: '', password: '', roles: ['agent'] as Role[] };

export function PeoplePanel() {
  const { t } = useTranslation();
  const client = useClient();
  const [people, setPeople] = useState<PersonView[]>([]);
  const [draft, setDraft] = useState<typeof blank | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => call(client, 'listPeople', {}).then(setPeople, (e: unknown) => setError(String(e))), [client]);
  useEffect(() => void load(), [load]);
  const fail = (e: unknown) => setError(e instanceof Error ? e.message : String(e));

  const create = (event: FormEvent) => {
    event.preventDefault();
    if (!draft) return;
    setError(null);
    call(client, 'createPerson', draft).then(() => {
      setDraft(null);
      void load();
    }, fail);
  };
  const setStatus = (person: PersonView) => {
    setError(null);
    call(client, 'updatePerson', { userId: person.userId, status: person.status === 'active' ? 'disabled' : 'active' }).then(() => void load(), fail);
  };

  return (
    <section className="panel panel--wide" aria-labelledby="people-heading">
      <h2 id="people-heading">{t('identity.people')}</h2>
      <table aria-label={t('identity.people')}>
        <thead>
          <tr>
            <th>{t('identity.user')}</th>
            <th>{t('identity.displayName')}</th>
            <th>{t('identity.agentNumber')}</th>
            <th>{t('identity.roles')}</th>
            <th>{t('identity.status')}</th>
            <th>{t('identity.phoneColumn')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.userId}>
              <td>{person.userId}</td>
              <td>{person.displayName}</td>
              <td>{person.agentNumber}</td>
              <td>{person.roles.map((r) => t(`identity.role.${r}`)).join(', ')}</td>
              <td>{t(`identity.statusValue.${person.status}`)}</td>
              <td>{person.phoneAccount?.sipUri ?? '—'}</td>
              <td>
                <button type="button" onClick={() => setStatus(person)}>
                  {t(person.status === 'active' ? 'identity.disable' : 'identity.enable', { user: person.userId })}
                </button>
                <PersonActions key={JSON.stringify(person)} person={person} onChanged={() => void load()} onError={fail} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {draft === null ? (
        <button type="button" onClick={() => setDraft(blank)}>
          {t('identity.newPerson')}
        </button>
      ) : (
        <form aria-label={t('identity.newPerson')} onSubmit={create} className="identity-form">
          {(['userId', 'displayName', 'agentNumber'] as const).map((name) => (
            <label key={name}>
              {t(name === 'userId' ? 'identity.user' : `identity.${name}`)}
              <input value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} required={name !== 'agentNumber'} />
            </label>
          ))}
          <fieldset>
            <legend>{t('identity.roles')}</legend>
            {roles.map((role) => (
              <label key={role}>
                <input
                  type="checkbox"
                  checked={draft.roles.includes(role)}
                  onChange={(e) => setDraft({ ...draft, roles: e.target.checked ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) })}
                />
                {t(`identity.role.${role}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {t('identity.password')}
            <input type="password" autoComplete="new-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} required />
          </label>
          <button type="submit">{t('identity.create')}</button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('identity.cancel')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
