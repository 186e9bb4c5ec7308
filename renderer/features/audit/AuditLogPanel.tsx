// The audit log for admins (S-6, issue 13): a table labelled "Audit log", newest first, filtered by
// dates, actor, action and subject, a page at a time, and exported as CSV. The host enforces that
// only admins read it and records each export; the panel only hides itself from other roles.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListAuditLogReply, ListAuditLogRequest } from '../../../shared/contract/auditLog';
import type { Role } from '../../../shared/contract/roles';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { downloadTextFile } from '../callSearch/downloadFile';

const pageSize = 50;

interface Filters {
  from: string;
  to: string;
  actorId: string;
  action: string;
  subject: string;
}
const noFilters: Filters = { from: '', to: '', actorId: '', action: '', subject: '' };
const filterKeys = ['from', 'to', 'actorId', 'action', 'subject'] as const;

/** Empty fields are left out, so they filter nothing. */
function toFilterRequest(filters: Filters): Omit<ListAuditLogRequest, 'page' | 'pageSize'> {
  const request: Omit<ListAuditLogRequest, 'page' | 'pageSize'> = {};
  for (const key of filterKeys) if (filters[key].trim()) request[key] = filters[key].trim();
  return request;
}

export function AuditLogPanel({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const id = useId();
  const [draft, setDraft] = useState<Filters>(noFilters);
  const [shown, setShown] = useState<Filters>(noFilters);
  const [reply, setReply] = useState<ListAuditLogReply | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const isAdmin = role === 'admin';

  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setMessage(null);
    try {
      await action();
    } catch (e) {
      setMessage({ text: e instanceof HostError ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  }, []);
  // Paging repeats the filters that were applied, not whatever the fields hold now.
  const load = useCallback(
    (filters: Filters, page: number) =>
      run(async () => {
        setReply(await call(client, 'listAuditLog', { ...toFilterRequest(filters), page, pageSize }));
        setShown(filters);
      }),
    [client, run],
  );
  // The newest page at once; state is set only when the reply arrives.
  useEffect(() => {
    if (!isAdmin) return;
    call(client, 'listAuditLog', { page: 1, pageSize }).then(setReply, (e: unknown) => setMessage({ text: e instanceof HostError ? e.message : String(e), error: true }));
  }, [isAdmin, client]);
  if (!isAdmin) return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(draft, 1);
  };
  const exportCsv = () =>
    run(async () => {
      const file = await call(client, 'exportAuditLog', { ...toFilterRequest(draft), format: 'csv' });
      downloadTextFile(file.fileName, file.content, 'text/csv;charset=utf-8');
      setMessage({ text: t('auditLog.exported', { count: file.count, file: file.fileName }), error: false });
    });

  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });
  const pages = reply ? Math.max(1, Math.ceil(reply.total / reply.pageSize)) : 1;
  const field = (key: keyof Filters, type: 'date' | 'text') => (
    <p key={key}>
      <label htmlFor={`${id}-${key}`}>{t(`auditLog.filters.${key}`)}</label>
      <input id={`${id}-${key}`} type={type} maxLength={200} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </p>
  );

  return (
    <section className="panel panel--wide audit-log" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('auditLog.heading')}</h2>
      <form className="audit-log__filters" onSubmit={submit} aria-label={t('auditLog.filtersLabel')}>
        {field('from', 'date')}
        {field('to', 'date')}
        {field('actorId', 'text')}
        {field('action', 'text')}
        {field('subject', 'text')}
        <p className="audit-log__actions">
          <button type="submit" disabled={busy}>
            {t('auditLog.apply')}
          </button>
          <button type="button" disabled={busy} onClick={() => void exportCsv()}>
            {t('auditLog.exportCsv')}
          </button>
        </p>
        <small>{t('auditLog.hint')}</small>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
      {reply && (
        <>
          <p>{reply.total === 0 ? t('auditLog.none') : t('auditLog.count', { count: reply.total })}</p>
          <div className="audit-log__table-wrap">
            <table aria-label={t('auditLog.table')}>
              <thead>
                <tr>
                  {(['id', 'at', 'actor', 'role', 'action', 'subject', 'detail'] as const).map((key) => (
                    <th key={key} scope="col">
                      {t(`auditLog.columns.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {reply.rows.map((row) => (
                  <tr key={row.id}>
                    <td>{row.id}</td>
                    <td>
                      <time dateTime={new Date(row.at).toISOString()}>{time.format(row.at)}</time>
                    </td>
                    <td>{row.actorId}</td>
                    <td>{row.actorRole}</td>
                    <td>{row.action}</td>
                    <td>{row.subject ?? ''}</td>
                    <td className="audit-log__detail">{row.detail ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="audit-log__pager" aria-label={t('auditLog.pages')}>
            <button type="button" disabled={busy || reply.page <= 1} onClick={() => void load(shown, reply.page - 1)}>
              {t('auditLog.newer')}
            </button>
            <span>{t('auditLog.page', { page: reply.page, pages })}</span>
            <button type="button" disabled={busy || reply.page >= pages} onClick={() => void load(shown, reply.page + 1)}>
              {t('auditLog.older')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
