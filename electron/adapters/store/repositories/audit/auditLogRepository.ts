// The audit log in the store (S-6): one audit_log row per entry, chained to the row before it
// (engine/auditChainHash.ts, migration 009). The statement is exported so repositories that change
// data can put the entry in the same commit as the change.
import type { AuditEntry, AuditLog } from '../../../../core/audit/ports';
import { auditChainGenesis } from '../../engine/auditChainHash';
import type { SqlStatement, Store } from '../../engine/store';

/**
 * The chain is computed inside the insert, from the row that is last when the transaction applies,
 * not from a hash kept in memory: a commit that rolls back (a broken constraint in the same
 * transaction) or two commits built concurrently can then never leave a gap or a fork in the chain,
 * and replaying the journal recomputes the same hashes. The id is given explicitly (the last id + 1)
 * because it is part of what is hashed.
 */
export function auditInsertStatement(entry: AuditEntry): SqlStatement {
  return {
    sql: `INSERT INTO audit_log (id, at, actor_id, actor_role, action, subject, detail_json, prev_hash, row_hash)
      SELECT last.id + 1, ?1, ?2, ?3, ?4, ?5, ?6, last.hash, audit_row_hash(last.hash, last.id + 1, ?1, ?2, ?3, ?4, ?5, ?6)
      FROM (SELECT coalesce((SELECT id FROM audit_log ORDER BY id DESC LIMIT 1), 0) AS id,
                   coalesce((SELECT row_hash FROM audit_log ORDER BY id DESC LIMIT 1), '${auditChainGenesis}') AS hash) AS last`,
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
