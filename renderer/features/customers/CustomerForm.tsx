// Create or edit a customer: Name, Organisation, Numbers (several), Tags, Consent (S-6), notes.
// Numbers the agent may only see masked are kept by index, never re-typed. Each typed number is
// checked here with the same rule the host applies, so the agent sees which one is wrong at once;
// the host checks again and saves all or nothing, and the form keeps what was typed on any refusal.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerNumberEntry, CustomerView } from '../../../shared/contract/customers';
import { normalizePhoneNumber } from '../../../shared/domain/phoneMasking';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { parseTags } from './customerText';

type NumberRow = { key: number; kind: 'kept'; index: number; shown: string; label: string } | { key: number; kind: 'typed'; text: string; label: string };

interface Props {
  /** The record being edited, or null to create one. */
  initial: CustomerView | null;
  /** A number to start a new record with (the caller's, when the agent may see it). */
  prefillNumber?: string | null;
  onSaved(view: CustomerView): void;
  onCancel(): void;
}

let nextKey = 1;

export function CustomerForm({ initial, prefillNumber = null, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [tags, setTags] = useState(initial?.tags.join(', ') ?? '');
  const [consent, setConsent] = useState(initial?.consent ?? false);
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [rows, setRows] = useState<NumberRow[]>(() =>
    initial
      ? initial.numbers.map((n) => ({ key: nextKey++, kind: 'kept', index: n.index, shown: n.number, label: n.label ?? '' }))
      : [{ key: nextKey++, kind: 'typed', text: prefillNumber ?? '', label: '' }],
  );
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (key: number, patch: Partial<{ text: string; label: string }>) =>
    setRows((current) => current.map((r) => (r.key === key ? ({ ...r, ...patch } as NumberRow) : r)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const numbers: CustomerNumberEntry[] = [];
    for (const [position, row] of rows.entries()) {
      const label = row.label.trim() === '' ? null : row.label.trim();
      if (row.kind === 'kept') {
        numbers.push({ keep: row.index, label });
        continue;
      }
      if (row.text.trim() === '') continue; // an empty row added and not used
      try {
        normalizePhoneNumber(row.text);
      } catch (e) {
        setError(t('customers.numberError', { n: position + 1, message: (e as Error).message }));
        return;
      }
      numbers.push({ number: row.text, label });
    }
    setSaving(true);
    try {
      const saved = await call(client, 'saveCustomer', {
        ...(initial ? { customerId: initial.customerId, expectedUpdatedAt: initial.updatedAt } : {}),
        name,
        organisation: organisation.trim() === '' ? null : organisation,
        numbers,
        tags: parseTags(tags),
        consent,
        notes,
      });
      onSaved(saved);
    } catch (e) {
      setError(e instanceof HostError ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="customer-form" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        <label htmlFor={`${id}-name`}>{t('customers.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
      </p>
      <p>
        <label htmlFor={`${id}-org`}>{t('customers.organisation')}</label>
        <input id={`${id}-org`} value={organisation} onChange={(e) => setOrganisation(e.target.value)} maxLength={200} />
      </p>
      <fieldset className="customer-form__numbers">
        <legend>{t('customers.numbers')}</legend>
        {rows.map((row, position) => {
          const n = position + 1;
          return (
            <div key={row.key} className="customer-form__number">
              {row.kind === 'kept' ? (
                <span id={`${id}-n${row.key}`}>{t('customers.number', { n })}: {row.shown}</span>
              ) : (
                <>
                  <label htmlFor={`${id}-n${row.key}`}>{t('customers.number', { n })}</label>
                  <input id={`${id}-n${row.key}`} inputMode="tel" autoComplete="off" value={row.text} onChange={(e) => update(row.key, { text: e.target.value })} />
                </>
              )}
              <label htmlFor={`${id}-l${row.key}`}>{t('customers.numberLabel', { n })}</label>
              <input id={`${id}-l${row.key}`} placeholder={t('customers.numberLabelHint')} value={row.label} maxLength={40} onChange={(e) => update(row.key, { label: e.target.value })} />
              <button type="button" onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}>
                {t('customers.removeNumber', { n })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => setRows((current) => [...current, { key: nextKey++, kind: 'typed', text: '', label: '' }])}>
          {t('customers.addNumber')}
        </button>
      </fieldset>
      <p>
        <label htmlFor={`${id}-tags`}>{t('customers.tags')}</label>
        <input id={`${id}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby={`${id}-tags-hint`} />
        <small id={`${id}-tags-hint`}>{t('customers.tagsHint')}</small>
      </p>
      <p>
        <span>
          <input id={`${id}-consent`} type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
          <label htmlFor={`${id}-consent`}>{t('customers.consent')}</label>
        </span>
      </p>
      <p>
        <label htmlFor={`${id}-notes`}>{t('customers.notes')}</label>
        <textarea id={`${id}-notes`} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={10_000} rows={3} />
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="customer-form__actions">
        <button type="submit" disabled={saving}>
          {t('customers.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('customers.cancel')}
        </button>
      </div>
    </form>
  );
}
