// The audit log as CSV (S-6): the same rules as the call export (shared/domain/callExport.ts):
// RFC 4180, a UTF-8 BOM for Excel, CRLF, times in ISO 8601 with their offset, and cells that a
// spreadsheet could run as a formula guarded.
import { formatExportTime, guardFormula } from './callExport';

export interface AuditCsvRow {
  id: number;
  at: number;
  actorId: string;
  actorRole: string;
  action: string;
  subject: string | null;
  detail: string | null;
}

export const auditCsvColumns = ['id', 'at', 'actor_id', 'actor_role', 'action', 'subject', 'detail'] as const;

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = guardFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toAuditCsv(rows: readonly AuditCsvRow[], options: { utcOffsetMinutes?: number } = {}): string {
  const lines = [auditCsvColumns.join(',')];
  for (const row of rows) {
    const at = formatExportTime(row.at, options.utcOffsetMinutes);
    lines.push([row.id, at, row.actorId, row.actorRole, row.action, row.subject, row.detail].map(cell).join(','));
  }
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}
