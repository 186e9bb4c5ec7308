// What the retention panel shows and sends (S-6): the months field read as a period or "off", and
// the dry-run counts as labelled lines. The host validates again; this only gives the admin the
// reason before a round trip.
import { retentionMonthsMax, retentionMonthsMin, type RetentionCounts } from '../../../shared/contract/retention';

export type MonthsInput = { ok: true; months: number | null } | { ok: false; errorKey: 'retention.monthsInvalid' };

/** An empty field turns retention off; otherwise a whole number of months in range. */
export function parseMonthsInput(text: string): MonthsInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, months: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false, errorKey: 'retention.monthsInvalid' };
  const months = Number(trimmed);
  if (months < retentionMonthsMin || months > retentionMonthsMax) return { ok: false, errorKey: 'retention.monthsInvalid' };
  return { ok: true, months };
}

/** The dry-run counts in a fixed order, each with its message key. */
export function countLines(counts: RetentionCounts): Array<{ key: `retention.count.${keyof RetentionCounts}`; count: number }> {
  return (['customers', 'calls', 'callNotes', 'noteRevisions'] as const).map((kind) => ({ key: `retention.count.${kind}`, count: counts[kind] }));
}
