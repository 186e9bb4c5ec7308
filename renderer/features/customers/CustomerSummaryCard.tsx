// What the agent reads before greeting a caller: name, organisation, tags, consent (S-6), open
// handoffs (S-4) and complaints (S-5), and the last calls. Used by the screen pop and the record.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../shared/contract/customers';
import { callLine, formatTime } from './customerText';

export function CustomerSummaryCard({ summary, children }: { summary: CustomerSummary; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="customer-card" aria-label={summary.name}>
      <h3 className="customer-card__name">{summary.name}</h3>
      {summary.organisation && <p className="customer-card__org">{summary.organisation}</p>}
      {summary.tags.length > 0 && (
        <ul className="customer-card__tags" aria-label={t('customers.tags')}>
          {summary.tags.map((tag) => (
            <li key={tag}>{tag}</li>
          ))}
        </ul>
      )}
      <p className={summary.consent ? 'customer-card__consent' : 'customer-card__consent customer-card__consent--missing'}>
        {summary.consent && summary.consentAt !== null ? t('customers.consentGiven', { time: formatTime(summary.consentAt, i18n.language) }) : t('customers.noConsent')}
      </p>
      <p className={summary.openHandoffs > 0 ? 'customer-card__open customer-card__open--some' : 'customer-card__open'}>
        {t('customers.openHandoffs', { count: summary.openHandoffs })}
      </p>
      <p className={summary.openComplaints > 0 ? 'customer-card__open customer-card__open--some' : 'customer-card__open'}>
        {t('customers.openComplaints', { count: summary.openComplaints })}
      </p>
      <h4>{t('customers.lastCalls')}</h4>
      {summary.lastCalls.length === 0 ? (
        <p>{t('customers.noCalls')}</p>
      ) : (
        <ul className="customer-card__calls" aria-label={t('customers.lastCalls')}>
          {summary.lastCalls.map((c) => (
            <li key={c.callId}>{callLine(t, i18n.language, c)}</li>
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}
