// Call search for every role: text (Chinese or English, across notes and customers), date range,
// agent, category, disposition and direction, results in pages; plus CSV/JSON export of the date
// range. The host decides what each role sees and audits every search and export (S-6).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallSearchOptions, SearchCallsReply, SearchCallsRequest } from '../../../shared/contract/callSearch';
import { mayExportFullNumbers } from '../../../shared/contract/callSearch';
import type { Role } from '../../../shared/contract/roles';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { CallSearchResults } from './CallSearchResults';
import { downloadTextFile } from './downloadFile';

const pageSize = 20;
const emptyOptions: CallSearchOptions = { agents: [], categories: [], dispositions: [] };

interface Draft {
  text: string;
  from: string;
  to: string;
  agentId: string;
  category: string;
  disposition: string;
  direction: '' | 'inbound' | 'outbound';
}
const emptyDraft: Draft = { text: '', from: '', to: '', agentId: '', category: '', disposition: '', direction: '' };

/** The request for a draft: empty fields are left out, so they filter nothing. */
function toRequest(draft: Draft, page: number): SearchCallsRequest {
  const request: SearchCallsRequest = { page, pageSize };
  if (draft.text.trim()) request.text = draft.text.trim();
  if (draft.from) request.from = draft.from;
  if (draft.to) request.to = draft.to;
  if (draft.agentId) request.agentId = draft.agentId;
  if (draft.category) request.category = draft.category;
  if (draft.disposition) request.disposition = draft.disposition;
  if (draft.direction) request.direction = draft.direction;
  return request;
}

export function CallSearchPanel({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [searched, setSearched] = useState<Draft | null>(null);
  const [reply, setReply] = useState<SearchCallsReply | null>(null);
  const [options, setOptions] = useState<CallSearchOptions>(emptyOptions);
  const [fullNumbers, setFullNumbers] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const zh = i18n.language.startsWith('zh');

  useEffect(() => {
    call(client, 'getCallSearchOptions', {}).then(setOptions, () => undefined);
  }, [client]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage({ text: e instanceof HostError ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  // Paging repeats the search that was made, not whatever the fields hold now.
  const search = (which: Draft, page: number) =>
    run(async () => {
      setReply(await call(client, 'searchCalls', toRequest(which, page)));
      setSearched(which);
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(draft, 1);
  };
  const exportAs = (format: 'csv' | 'json') =>
    run(async () => {
      if (!draft.from || !draft.to) {
        setMessage({ text: t('callSearch.exportNeedsRange'), error: true });
        return;
      }
      const file = await call(client, 'exportCalls', { from: draft.from, to: draft.to, format, fullNumbers });
      downloadTextFile(file.fileName, file.content, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json;charset=utf-8');
      setMessage({ text: t('callSearch.exported', { count: file.count, file: file.fileName }), error: false });
    });

  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const choiceLabel = (c: { en: string; zh: string }) => (zh ? c.zh : c.en);
  const field = (key: 'from' | 'to') => (
    <p>
      <label htmlFor={`${id}-${key}`}>{t(`callSearch.${key}`)}</label>
      <input id={`${id}-${key}`} type="date" value={draft[key]} onChange={(e) => set({ [key]: e.target.value })} />
    </p>
  );
  const select = (key: 'agentId' | 'category' | 'disposition', labelKey: string, choices: Array<{ value: string; label: string }>) => (
    <p>
      <label htmlFor={`${id}-${key}`}>{t(labelKey)}</label>
      <select id={`${id}-${key}`} value={draft[key]} onChange={(e) => set({ [key]: e.target.value })}>
        <option value="">{t('callSearch.any')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </p>
  );

  return (
    <section className="panel call-search" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('callSearch.heading')}</h2>
      <form className="call-search__form" role="search" onSubmit={submit}>
        <p className="call-search__text">
          <label htmlFor={`${id}-text`}>{t('callSearch.text')}</label>
          <input id={`${id}-text`} type="search" maxLength={200} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
        </p>
        {field('from')}
        {field('to')}
        {select('agentId', 'callSearch.agent', options.agents.map((a) => ({ value: a, label: a })))}
        {select('category', 'callSearch.category', options.categories.map((c) => ({ value: c.id, label: choiceLabel(c) })))}
        {select('disposition', 'callSearch.disposition', options.dispositions.map((c) => ({ value: c.id, label: choiceLabel(c) })))}
        <p>
          <label htmlFor={`${id}-direction`}>{t('callSearch.direction')}</label>
          <select id={`${id}-direction`} value={draft.direction} onChange={(e) => set({ direction: e.target.value as Draft['direction'] })}>
            <option value="">{t('callSearch.any')}</option>
            <option value="inbound">{t('callSearch.inbound')}</option>
            <option value="outbound">{t('callSearch.outbound')}</option>
          </select>
        </p>
        <p className="call-search__actions">
          <button type="submit" disabled={busy}>
            {t('callSearch.search')}
          </button>
        </p>
      </form>
      <div className="call-search__export">
        <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>
          {t('callSearch.exportCsv')}
        </button>
        <button type="button" disabled={busy} onClick={() => void exportAs('json')}>
          {t('callSearch.exportJson')}
        </button>
        {mayExportFullNumbers(role) && (
          <span>
            <input id={`${id}-full`} type="checkbox" checked={fullNumbers} onChange={(e) => setFullNumbers(e.target.checked)} />
            <label htmlFor={`${id}-full`}>{t('callSearch.fullNumbers')}</label>
          </span>
        )}
        <small>{t('callSearch.exportHint')}</small>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
      {reply && searched && <CallSearchResults reply={reply} options={options} busy={busy} onPage={(page) => void search(searched, page)} />}
    </section>
  );
}
