// Reads the audit log for the audit view and its CSV export (S-6): filtered, counted and paged in
// SQL. The id order is the order rows were written in, so "newest" is by id, not by clock time.
import type { AuditLogQuery, AuditLogReader, StoredAuditRow } from '../../../../core/audit/ports';
import type { Store } from '../../engine/store';

function whereClause(query: AuditLogQuery): { sql: string; params: Array<string | number> } {
  const terms: string[] = [];
  const params: Array<string | number> = [];
  const add = (term: string, value: string | number | undefined) => {
    if (value === undefined) return;
    terms.push(term);
    params.push(value);
  };
  add('at >= ?', query.fromWall);
  add('at < ?', query.toWallExclusive);
  add('actor_id = ?', query.actorId);
  add('action = ?', query.action);
  // substr, not LIKE: an action holding % or _ must not match as a pattern.
  if (query.actionPrefix !== undefined) {
    terms.push('substr(action, 1, ?) = ?');
    params.push(query.actionPrefix.length, query.actionPrefix);
  }
  add('subject = ?', query.subject);
  return { sql: terms.length === 0 ? '' : `WHERE ${terms.join(' AND ')}`, params };
}

export function createAuditLogStoreReader(store: Pick<Store, 'query'>): AuditLogReader {
  return {
    async count(query) {
      const where = whereClause(query);
      const rows = await store.query(`SELECT count(*) AS n FROM audit_log ${where.sql}`, where.params);
      return Number(rows[0]?.n ?? 0);
    },
    async list(query, page) {
      const where = whereClause(query);
      const rows = await store.query(
        `SELECT id, at, actor_id, actor_role, action, subject, detail_json FROM audit_log ${where.sql} ORDER BY id ${page.order === 'newest' ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`,
        [...where.params, page.limit, page.offset],
      );
      return rows.map(
        (row): StoredAuditRow => ({
          id: Number(row.id),
          at: Number(row.at),
          actorId: String(row.actor_id),
          actorRole: String(row.actor_role), // as recorded, even a role this version no longer knows
          action: String(row.action),
          subject: row.subject === null ? null : String(row.subject),
          detailJson: row.detail_json === null ? null : typeof row.detail_json === 'string' ? row.detail_json : '(binary)',
        }),
      );
    },
  };
}
