// Find a customer by name, organisation, tag or notes (Chinese or English) or by a number; the
// results are summaries (numbers masked per role by the host, S-6) and open the record on click.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../shared/contract/customers';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

interface Props {
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  onOpen(customerId: string): void;
}

export function CustomerSearch({ run, onOpen }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<CustomerSummary[] | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.trim() === '') return;
    void run(async () => setFound(await call(client, 'searchCustomers', { query })));
  };

  return (
    <div className="customer-search">
      <form onSubmit={submit} role="search">
        <label htmlFor={`${id}-q`}>{t('customers.find')}</label>
        <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={200} />
        <button type="submit">{t('customers.findButton')}</button>
      </form>
      {found && (
        found.length === 0 ? (
          <p>{t('customers.noneFound')}</p>
        ) : (
          <ul aria-label={t('customers.found')} className="customer-search__results">
            {found.map((c) => (
              <li key={c.customerId}>
                <button type="button" onClick={() => onOpen(c.customerId)}>
                  {c.name}
                </button>
                {c.organisation && <span> — {c.organisation}</span>}
                {c.tags.length > 0 && <small> [{c.tags.join(', ')}]</small>}
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}
