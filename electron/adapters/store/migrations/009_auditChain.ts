// Version 9: S-6, an audit log that cannot be quietly changed. Each row gets the previous row's
// hash and its own (SHA-256 over the row and that previous hash, engine/auditChainHash.ts), so an
// edited, removed or reordered row is found by `npm run audit -- verify`. Rows already there are
// chained here in id order, the first one after the genesis hash. Triggers refuse UPDATE and DELETE
// on audit_log, so the app itself cannot edit or delete a row either (append-only at the database
// level); what goes around the database (editing the file) is what the chain catches. An index on
// the time serves the audit view's date filter.
import { auditChainGenesis } from '../engine/auditChainHash';
import type { Migration } from './migration';

export const migration009: Migration = {
  version: 9,
  name: 'audit log hash chain, append-only',
  statements: [
    `ALTER TABLE audit_log ADD COLUMN prev_hash TEXT`,
    `ALTER TABLE audit_log ADD COLUMN row_hash TEXT`,
    // One pass in id order: each step finds the next row by the rowid index, so this is n log n.
    `CREATE TEMP TABLE audit_chain (id INTEGER PRIMARY KEY, prev_hash TEXT NOT NULL, row_hash TEXT NOT NULL)`,
    `INSERT INTO temp.audit_chain (id, prev_hash, row_hash)
       WITH RECURSIVE chain(id, prev_hash, row_hash) AS (
         SELECT 0, NULL, '${auditChainGenesis}'
         UNION ALL
         SELECT a.id, chain.row_hash, audit_row_hash(chain.row_hash, a.id, a.at, a.actor_id, a.actor_role, a.action, a.subject, a.detail_json)
           FROM chain JOIN audit_log a ON a.id = (SELECT min(id) FROM audit_log WHERE id > chain.id)
       )
       SELECT id, prev_hash, row_hash FROM chain WHERE id > 0`,
    `UPDATE audit_log SET
       prev_hash = (SELECT c.prev_hash FROM temp.audit_chain c WHERE c.id = audit_log.id),
       row_hash = (SELECT c.row_hash FROM temp.audit_chain c WHERE c.id = audit_log.id)`,
    `DROP TABLE temp.audit_chain`,
    // The audit view filters by date; without this every page would scan the whole log.
    `CREATE INDEX audit_log_at ON audit_log (at)`,
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'The audit log is append-only (S-6): a row cannot be changed.'); END`,
    `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'The audit log is append-only (S-6): a row cannot be deleted.'); END`,
  ],
};
