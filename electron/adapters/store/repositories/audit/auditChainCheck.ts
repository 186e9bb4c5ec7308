// S-6: checks the audit log's hash chain row by row (migration 009, engine/auditChainHash.ts) and
// names the first row that does not check out. Used by `npm run audit -- verify`.
import { auditChainGenesis, auditRowHash, type AuditCell } from '../../engine/auditChainHash';

type QueryRows = (sql: string, params?: Array<string | number | null>) => Array<Record<string, unknown>>;

export type AuditChainReport =
  | { intact: true; rows: number; lastId: number | null; lastHash: string | null }
  | { intact: false; rows: number; brokenId: number; reason: string };

/** Rows are read a page at a time, so a long log is checked without holding it all at once. */
export function checkAuditChain(query: QueryRows, pageSize = 10_000): AuditChainReport {
  let prevHash: string = auditChainGenesis;
  let prevId: number | null = null;
  let rows = 0;
  for (;;) {
    const page = query(
      'SELECT id, at, actor_id, actor_role, action, subject, detail_json, prev_hash, row_hash FROM audit_log WHERE id > ? ORDER BY id LIMIT ?',
      [prevId ?? -1, pageSize],
    );
    for (const row of page) {
      const id = Number(row.id);
      const before = prevId === null ? 'the start of the log' : `row ${prevId}`;
      if (row.prev_hash !== prevHash) {
        return { intact: false, rows, brokenId: id, reason: `its previous-row hash does not match ${before}: a row before it was removed, inserted or changed` };
      }
      const expected = auditRowHash(prevHash, {
        id,
        at: row.at as AuditCell,
        actorId: row.actor_id as AuditCell,
        actorRole: row.actor_role as AuditCell,
        action: row.action as AuditCell,
        subject: row.subject as AuditCell,
        detailJson: row.detail_json as AuditCell,
      });
      if (row.row_hash !== expected) {
        return { intact: false, rows, brokenId: id, reason: 'its contents do not match its hash: the row was changed after it was written' };
      }
      prevHash = expected;
      prevId = id;
      rows++;
    }
    if (page.length < pageSize) break;
  }
  return { intact: true, rows, lastId: prevId, lastHash: rows === 0 ? null : prevHash };
}
