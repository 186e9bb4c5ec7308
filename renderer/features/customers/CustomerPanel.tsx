// The customer panel, a region named "Customer": the screen pop while a call rings (who is calling,
// or a pick list when several customers share the number), search, the open record with
// click-to-dial and history, and the create/edit form. What numbers it shows was decided by the
// host for this role (S-6); opening a record or its history is audited there.
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../shared/contract/customers';
import type { Role } from '../../../shared/contract/roles';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { canWriteCustomers, CustomerRecord } from './CustomerRecord';
import { CustomerForm } from './CustomerForm';
import { CustomerSearch } from './CustomerSearch';
import { ScreenPopCard } from './ScreenPopCard';
import { useScreenPops } from './useScreenPops';

type Showing = { kind: 'none' } | { kind: 'record'; view: CustomerView } | { kind: 'form'; initial: CustomerView | null; prefillNumber: string | null };

export function CustomerPanel({ role }: { role: Role }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const pops = useScreenPops(role);
  const [showing, setShowing] = useState<Showing>({ kind: 'none' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setError(null);
      setNotice(null);
      try {
        await action();
        return true;
      } catch (e) {
        setError(t('customers.failed', { message: e instanceof HostError ? e.message : String(e) }));
        return false;
      }
    },
    [t],
  );
  const open = (customerId: string) =>
    void run(async () => setShowing({ kind: 'record', view: await call(client, 'getCustomer', { customerId }) }));
  const pick = (callId: string, customerId: string) =>
    void run(async () => setShowing({ kind: 'record', view: await call(client, 'linkCallCustomer', { callId, customerId }) }));
  const create = (prefillNumber: string | null) => {
    setNotice(null);
    setShowing({ kind: 'form', initial: null, prefillNumber });
  };

  return (
    <section className="panel customers" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('customers.heading')}</h2>
      {pops.map((pop) => (
        <ScreenPopCard key={pop.callId} pop={pop} actions={{ open, pick, create }} />
      ))}
      <CustomerSearch run={run} onOpen={open} />
      {canWriteCustomers(role) && showing.kind !== 'form' && (
        <button type="button" onClick={() => create(null)}>
          {t('customers.newCustomer')}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {showing.kind === 'record' && (
        <CustomerRecord
          view={showing.view}
          role={role}
          run={run}
          onEdit={() => setShowing({ kind: 'form', initial: showing.view, prefillNumber: null })}
          onClose={() => setShowing({ kind: 'none' })}
        />
      )}
      {showing.kind === 'form' && (
        <CustomerForm
          initial={showing.initial}
          prefillNumber={showing.prefillNumber}
          onSaved={(view) => {
            setShowing({ kind: 'record', view });
            setNotice(t('customers.saved'));
          }}
          onCancel={() => setShowing(showing.initial ? { kind: 'record', view: showing.initial } : { kind: 'none' })}
        />
      )}
    </section>
  );
}
