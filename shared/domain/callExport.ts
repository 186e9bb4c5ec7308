// The call-log export (CSV for Excel, JSON for tools): the documented columns, in their order, with
// one representation of each value shared by both formats.
import type { CallRecordRow } from './callRecord';
import { maskPhoneNumber } from './phoneMasking';

/** The documented export columns, in file order, with the line the README shows for each. */
export const exportColumns = [
  { key: 'call_id', description: 'The call\'s id (the same id as in the call log).' },
  { key: 'agent_id', description: 'The agent who took or placed the call.' },
  { key: 'direction', description: '"inbound" or "outbound".' },
  { key: 'remote_number', description: 'The customer\'s number, masked as 138****5678 unless the export was made with full numbers (S-6).' },
  { key: 'started_at', description: 'When the call was offered (inbound) or dialled (outbound): ISO 8601 to the second with UTC offset, e.g. 2026-11-23T09:00:00+08:00.' },
  { key: 'answered_at', description: 'When it was answered, same format; empty if never answered.' },
  { key: 'ended_at', description: 'When it ended, same format; empty while the call is in progress.' },
  { key: 'ring_count', description: 'Rings started before it was answered or abandoned (S-1.3); empty for outbound calls.' },
  { key: 'answered_within_three_rings', description: 'S-1.1: 1 if answered before ring 4 started, else 0 (CSV; true/false in JSON); empty for outbound calls.' },
  { key: 'hold_seconds', description: 'Time on hold, whole seconds (rounded half up).' },
  { key: 'talk_seconds', description: 'Answered to ended, less hold, whole seconds.' },
  { key: 'wrap_seconds', description: 'After-call work, whole seconds.' },
  { key: 'category', description: 'Call category chosen at wrap-up; empty if none.' },
  { key: 'disposition', description: 'How the matter was left; empty if none.' },
  { key: 'satisfaction', description: 'The customer\'s satisfaction score (S-8); empty if not asked.' },
  { key: 'notes', description: 'The agent\'s notes, as written (S-3).' },
] as const;

export type ExportColumnKey = (typeof exportColumns)[number]['key'];
export type ExportValue = string | number | boolean | null;
export type ExportRecord = Record<ExportColumnKey, ExportValue>;

/** The `calls` fields the export reads (a whole CallRecordRow fits). */
export type ExportableCall = Pick<
  CallRecordRow,
  | 'id' | 'agentId' | 'direction' | 'remoteNumber' | 'startedAt' | 'answeredAt' | 'endedAt' | 'ringCount'
  | 'answeredWithinThreeRings' | 'holdMs' | 'talkMs' | 'wrapMs' | 'category' | 'disposition' | 'satisfaction' | 'notes'
>;

export interface ExportOptions {
  /**
   * The UTC offset the times are written in, in minutes (480 for China). Default: the offset of this
   * computer's time zone at each time (so DST is right). The offset is always written, so a time
   * means one instant whoever reads it.
   */
  utcOffsetMinutes?: number;
  /**
   * S-6: numbers are masked by default, because an export file leaves the database's encryption and
   * role checks. Pass false only for a role allowed to see customer numbers.
   */
  maskNumbers?: boolean;
}

export interface CsvOptions extends ExportOptions {
  /** Start with a UTF-8 byte order mark so Excel reads the file as UTF-8 (Chinese notes); default true. */
  bom?: boolean;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * ISO 8601 to the second with an explicit offset, e.g. 2026-11-23T09:00:00+08:00. Seconds are
 * truncated, as a clock shows them; UTC is written +00:00 (not Z) so every value has one shape.
 */
export function formatExportTime(wallMs: number, utcOffsetMinutes?: number): string {
  const offset = utcOffsetMinutes ?? -new Date(wallMs).getTimezoneOffset();
  if (!Number.isInteger(offset) || offset < -720 || offset > 840) {
    throw new RangeError(`The UTC offset must be whole minutes between -12:00 and +14:00 (got ${offset}).`);
  }
  const local = new Date(Math.floor(wallMs / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Whole seconds, rounded half up. Whole seconds because handling times are read and averaged in
 * seconds, and a decimal point would be misread as a thousands separator in comma-decimal locales.
 */
const seconds = (ms: number): number => Math.round(ms / 1000);

/** One call as the export writes it: the keys of {@link exportColumns}, in order. */
export function exportRecord(call: ExportableCall, options: ExportOptions = {}): ExportRecord {
  const time = (ms: number | null) => (ms === null ? null : formatExportTime(ms, options.utcOffsetMinutes));
  return {
    call_id: call.id,
    agent_id: call.agentId,
    direction: call.direction,
    remote_number: options.maskNumbers === false ? call.remoteNumber : maskPhoneNumber(call.remoteNumber),
    started_at: time(call.startedAt),
    answered_at: time(call.answeredAt),
    ended_at: time(call.endedAt),
    ring_count: call.ringCount,
    answered_within_three_rings: call.answeredWithinThreeRings === null ? null : call.answeredWithinThreeRings === 1,
    hold_seconds: seconds(call.holdMs),
    talk_seconds: seconds(call.talkMs),
    wrap_seconds: seconds(call.wrapMs),
    category: call.category,
    disposition: call.disposition,
    satisfaction: call.satisfaction,
    notes: call.notes,
  };
}

/** JSON: an array of {@link exportRecord} objects (text exactly as stored: no spreadsheet guard). */
export function toJson(rows: readonly ExportableCall[], options: ExportOptions = {}): string {
  return JSON.stringify(rows.map((row) => exportRecord(row, options)), null, 2);
}

const formulaStart = /^[=+\-@\t\r]/;
/** Digits with + - * ( ) . and spaces only: no letters, quotes or | means no function, reference or DDE link. */
const plainNumber = /^[+-][\d ().*-]*\d[\d ().*-]*$/;

/**
 * A text cell a spreadsheet could run as a formula (starting with = + - @, tab or CR) gets a '
 * first (CSV formula injection). Cells that are only a number, such as +8613800138000 or the masked
 * +86 138****5678, are left alone: they can run nothing, numbers starting with + are common, and a
 * ' would corrupt them for every program that is not a spreadsheet.
 */
export function guardFormula(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

function csvCell(value: ExportValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0'; // 1/0 so AVERAGE gives the rate
  if (typeof value === 'number') return String(value);
  const text = guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV: header line, CRLF after every record, fields quoted when they hold , " CR or LF. */
export function toCsv(rows: readonly ExportableCall[], options: CsvOptions = {}): string {
  const lines = [exportColumns.map((c) => c.key).join(',')];
  for (const row of rows) {
    const record = exportRecord(row, options);
    lines.push(exportColumns.map((c) => csvCell(record[c.key])).join(','));
  }
  return (options.bom === false ? '' : '\uFEFF') + lines.map((line) => `${line}\r\n`).join('');
}
