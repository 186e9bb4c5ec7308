// Tells the user, once per start, what the database recovered from (damaged files moved aside, a
// torn write cut off) and other start-up notices such as an applied restore.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../shared/contract/dataStore';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

export function StoreStatusBanner() {
  const { t } = useTranslation();
  const client = useClient();
  const [status, setStatus] = useState<StoreStatus | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(() => {
    call(client, 'getStoreStatus', {}).then(setStatus, () => setStatus(null));
  }, [client]);

  if (!status || dismissed) return null;
  const messages = [...status.recoveryProblems, ...status.notices];
  if (messages.length === 0) return null;
  const damaged = status.recoveryProblems.length > 0;
  return (
    <section role={damaged ? 'alert' : 'status'} aria-label={t('dataStore.startupReport')} className={`app__banner ${damaged ? 'app__banner--problem' : ''}`}>
      <strong>{damaged ? t('dataStore.recovered', { count: status.recordsReplayed }) : t('dataStore.notice')}</strong>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setDismissed(true)}>
        {t('dataStore.dismiss')}
      </button>
    </section>
  );
}
