// Small display helpers shared by the customer components (time, one call line, tags typed as text).
import type { TFunction } from 'i18next';
import type { CustomerCall } from '../../../shared/contract/customers';

export function formatTime(ms: number, language: string): string {
  return new Date(ms).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short' });
}

export function callLine(t: TFunction, language: string, c: CustomerCall): string {
  return t('customers.callLine', {
    time: formatTime(c.startedAt, language),
    direction: t(`customers.${c.direction}`),
    number: c.number,
    outcome: t(`customers.outcome.${c.outcome}`, { defaultValue: c.outcome }),
  });
}

/** "VIP, 企业、重点" → ["VIP", "企业", "重点"]: ASCII and Chinese commas both separate. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，、;；]/).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}
