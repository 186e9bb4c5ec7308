// The header's "Account" button (issue 13): the signed-in person, with "Sign out" and "Lock".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/contract/identity';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

export function AccountMenu({ session, onLocked, onSignedOut }: { session: SessionView; onLocked: (view: SessionView) => void; onSignedOut: (view: SessionView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const person = session.person;
  if (!person) return null;
  return (
    <div className="account">
      <button type="button" aria-label={t('identity.account')} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {person.displayName}
        {person.agentNumber && ` (${person.agentNumber})`}
      </button>
      {open && (
        <div role="menu" className="account__menu">
          {session.state === 'signedIn' && (
            <button
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                call(client, 'lockSession', {}).then(onLocked, () => undefined);
              }}
            >
              {t('identity.lock')}
            </button>
          )}
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              call(client, 'signOut', {}).then(onSignedOut, () => undefined);
            }}
          >
            {t('identity.signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
