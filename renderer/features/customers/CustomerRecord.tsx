// One customer's record: the summary, every number (masked per role by the host, S-6) with
// click-to-dial for agents, Edit for those who may write, and the contact history on request.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerCall, CustomerView } from '../../../shared/contract/customers';
import type { Role } from '../../../shared/contract/roles';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { CustomerSummaryCard } from './CustomerSummaryCard';
import { callLine } from './customerText';

export const canWriteCustomers = (role: Role) => role === 'agent' || role === 'teamLead' || role === 'admin';

interface Props {
  view: CustomerView;
  role: Role;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  onEdit(): void;
  onClose(): void;
}

export function CustomerRecord({ view, role, run, onEdit, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [history, setHistory] = useState<{ calls: CustomerCall[]; nextCursor: string | null } | null>(null);

  const loadHistory = (cursor: string | null) =>
    void run(async () => {
      const page = await call(client, 'customerHistory', { customerId: view.customerId, cursor });
      setHistory((current) => ({ calls: [...(cursor && current ? current.calls : []), ...page.calls], nextCursor: page.nextCursor }));
    });

  return (
    <div className="customer-record">
      <CustomerSummaryCard summary={view}>
        <h4>{t('customers.numbers')}</h4>
        <ul className="customer-record__numbers" aria-label={t('customers.numbers')}>
          {view.numbers.map((n) => (
            <li key={n.index}>
              <span className="customer-record__number">{n.number}</span>
              {n.label && <span className="customer-record__label"> ({n.label})</span>}
              {n.masked && <small className="customer-record__masked"> — {t('customers.masked')}</small>}
              {role === 'agent' && (
                // The host dials the stored number by index: a masked number never has to be unmasked here.
                <button type="button" onClick={() => void run(() => call(client, 'dialCustomer', { customerId: view.customerId, index: n.index }))}>
                  {t('customers.dial', { number: n.number })}
                </button>
              )}
            </li>
          ))}
        </ul>
        {view.notes && <p className="customer-record__notes">{view.notes}</p>}
      </CustomerSummaryCard>
      <div className="customer-record__actions">
        {canWriteCustomers(role) && (
          <button type="button" onClick={onEdit}>
            {t('customers.edit')}
          </button>
        )}
        {history === null && (
          <button type="button" onClick={() => loadHistory(null)}>
            {t('customers.showHistory')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('customers.close')}
        </button>
      </div>
      {history && (
        <section aria-label={t('customers.history')} className="customer-record__history">
          <h4>{t('customers.history')}</h4>
          {history.calls.length === 0 ? (
            <p>{t('customers.noCalls')}</p>
          ) : (
            <ol>
              {history.calls.map((c) => (
                <li key={c.callId}>
                  {callLine(t, i18n.language, c)}
                  {c.notes && <div className="customer-record__call-notes">{c.notes}</div>}
                </li>
              ))}
            </ol>
          )}
          {history.nextCursor && (
            <button type="button" onClick={() => loadHistory(history.nextCursor)}>
              {t('customers.olderCalls')}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
