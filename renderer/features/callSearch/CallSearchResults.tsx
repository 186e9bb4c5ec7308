// One page of search results as a table, with the total and Previous/Next paging. Numbers arrive
// already masked by the host when the role may not see them (S-6); the table only says so.
import { useTranslation } from 'react-i18next';
import type { CallSearchOptions, SearchCallsReply } from '../../../shared/contract/callSearch';

interface Props {
  reply: SearchCallsReply;
  options: CallSearchOptions;
  busy: boolean;
  onPage(page: number): void;
}

export function CallSearchResults({ reply, options, busy, onPage }: Props) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const pages = Math.max(1, Math.ceil(reply.total / reply.pageSize));
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const label = (list: CallSearchOptions['categories'], id: string | null) => {
    if (id === null) return '';
    const choice = list.find((c) => c.id === id);
    return choice ? (zh ? choice.zh : choice.en) : id;
  };

  return (
    <div className="call-search__results">
      <p role="status">{reply.total === 0 ? t('callSearch.noResults') : t('callSearch.found', { count: reply.total })}</p>
      {reply.numbersMasked && <p className="call-search__masked">{t('callSearch.numbersMasked')}</p>}
      {reply.rows.length > 0 && (
        <div className="call-search__table-wrap">
          <table aria-label={t('callSearch.results')}>
            <thead>
              <tr>
                {(['startedAt', 'agent', 'direction', 'number', 'name', 'outcome', 'category', 'disposition', 'notes'] as const).map((key) => (
                  <th key={key} scope="col">
                    {t(`callSearch.columns.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reply.rows.map((row) => (
                <tr key={row.callId}>
                  <td className="call-search__time">{time.format(row.startedAt)}</td>
                  <td>{row.agentId}</td>
                  <td>{t(`callSearch.${row.direction}`)}</td>
                  <td className="call-search__number">{row.remoteNumber}</td>
                  <td>{row.remoteName ?? ''}</td>
                  <td>{t(`callSearch.outcome.${row.outcome}`)}</td>
                  <td>{label(options.categories, row.category)}</td>
                  <td>{label(options.dispositions, row.disposition)}</td>
                  <td className="call-search__notes">{row.notesExcerpt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="call-search__pager" aria-label={t('callSearch.results')}>
        <button type="button" disabled={busy || reply.page <= 1} onClick={() => onPage(reply.page - 1)}>
          {t('callSearch.previous')}
        </button>
        <span>{t('callSearch.page', { page: reply.page, pages })}</span>
        <button type="button" disabled={busy || reply.page >= pages} onClick={() => onPage(reply.page + 1)}>
          {t('callSearch.next')}
        </button>
      </nav>
    </div>
  );
}
