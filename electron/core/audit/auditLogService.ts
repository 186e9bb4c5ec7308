// The audit view's reading side (S-6): filters turned into a query, pages of rows, and the CSV
// export, which is recorded in the log before the file is handed out (no entry, no export).
import type { ExportAuditLogReply, ListAuditLogReply } from '../../../shared/contract/auditLog';
import { maxAuditExportRows } from '../../../shared/contract/auditLog';
import { ContractError } from '../../../shared/contract/envelope';
import { toAuditCsv } from '../../../shared/domain/auditLogCsv';
import type { Clock } from '../../../shared/domain/clock';
import { parseRangeEdge } from '../../../shared/domain/exportRange';
import type { CallerContext } from '../kernel/caller';
import { auditEntry } from './auditEntry';
import type { AuditLog, AuditLogQuery, AuditLogReader, StoredAuditRow } from './ports';

export interface AuditFilterInput {
  from?: string | undefined;
  to?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  subject?: string | undefined;
}

export interface AuditLogServiceDeps {
  log: AuditLog;
  reader: AuditLogReader;
  clock: Pick<Clock, 'wallNow'>;
  /** Minutes east of UTC for plain dates and CSV times; the host's zone when absent. */
  utcOffsetMinutes?: number;
}

export class AuditLogService {
  constructor(private readonly deps: AuditLogServiceDeps) {}

  async list(input: AuditFilterInput & { page: number; pageSize: number }): Promise<ListAuditLogReply> {
    const query = this.query(input);
    const total = await this.deps.reader.count(query);
    const rows = await this.deps.reader.list(query, { offset: (input.page - 1) * input.pageSize, limit: input.pageSize, order: 'newest' });
    return { rows: rows.map(toReplyRow), total, page: input.page, pageSize: input.pageSize };
  }

  async exportCsv(input: AuditFilterInput, caller: CallerContext): Promise<ExportAuditLogReply> {
    const query = this.query(input);
    const count = await this.deps.reader.count(query);
    if (count > maxAuditExportRows) {
      throw new ContractError('CONFLICT', `${count} audit rows match; an export holds at most ${maxAuditExportRows}. Narrow the dates or filters.`);
    }
    const rows = await this.deps.reader.list(query, { offset: 0, limit: maxAuditExportRows, order: 'oldest' });
    const now = this.deps.clock.wallNow();
    const fileName = `deskline-audit-${new Date(now).toISOString().slice(0, 16).replace(/:/g, '')}.csv`;
    const content = toAuditCsv(rows.map(toReplyRow), this.deps.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: this.deps.utcOffsetMinutes });
    // S-6: recorded (durably) before the file leaves the core.
    await this.deps.log.record(auditEntry(this.deps.clock, caller, 'audit.export', fileName, { ...definedFilters(input), format: 'csv', count: rows.length }));
    return { fileName, content, count: rows.length };
  }

  private query(input: AuditFilterInput): AuditLogQuery {
    const options = this.deps.utcOffsetMinutes === undefined ? {} : { utcOffsetMinutes: this.deps.utcOffsetMinutes };
    const edge = (text: string | undefined, which: 'from' | 'to') => {
      if (text === undefined) return undefined;
      try {
        return parseRangeEdge(text, which, options);
      } catch (error) {
        throw new ContractError('VALIDATION', (error as Error).message);
      }
    };
    const query: AuditLogQuery = {};
    const fromWall = edge(input.from, 'from');
    const toWallExclusive = edge(input.to, 'to');
    if (fromWall !== undefined) query.fromWall = fromWall;
    if (toWallExclusive !== undefined) query.toWallExclusive = toWallExclusive;
    if (input.actorId !== undefined) query.actorId = input.actorId;
    // "customer." means every customer action; "customer.view" exactly that one.
    if (input.action !== undefined) {
      if (input.action.endsWith('.')) query.actionPrefix = input.action;
      else query.action = input.action;
    }
    if (input.subject !== undefined) query.subject = input.subject;
    return query;
  }
}

function toReplyRow(row: StoredAuditRow): ListAuditLogReply['rows'][number] {
  return { id: row.id, at: row.at, actorId: row.actorId, actorRole: row.actorRole, action: row.action, subject: row.subject, detail: row.detailJson };
}

function definedFilters(input: AuditFilterInput): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && ['from', 'to', 'actorId', 'action', 'subject'].includes(entry[0])));
}
