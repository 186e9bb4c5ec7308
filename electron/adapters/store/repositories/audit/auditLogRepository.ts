// The audit log in the store (S-6): one audit_log row per entry. The statement is exported so
// repositories that change data can put the entry in the same commit as the change.
import type { AuditEntry, AuditLog } from '../../../../core/audit/ports';
import type { SqlStatement, Store } from '../../engine/store';

export function auditInsertStatement(entry: AuditEntry): SqlStatement {
  return {
    sql: 'INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (?, ?, ?, ?, ?, ?)',
    params: [Math.round(entry.at), entry.actorId, entry.actorRole, entry.action, entry.subject, entry.detail === null ? null : JSON.stringify(entry.detail)],
  };
}

export function createAuditLogStoreRepository(store: Pick<Store, 'commit'>): AuditLog {
  return {
    async record(entry) {
      await store.commit([auditInsertStatement(entry)]);
    },
  };
}
