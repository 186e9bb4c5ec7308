// S-6: the chain check behind `npm run audit -- verify`, over a real sql.js database migrated to the
// latest schema: intact across its read pages, and the first bad row named for an edit, a removal
// and a row written around the chain (a plain INSERT without hashes).
import type { Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { applyMigration, applyStatements, openDatabase, queryRows } from '../../../../../../../electron/adapters/store/engine/sqlEngine';
import { latestSchemaVersion } from '../../../../../../../electron/adapters/store/migrations';
import { checkAuditChain } from '../../../../../../../electron/adapters/store/repositories/audit/auditChainCheck';
import { auditInsertStatement } from '../../../../../../../electron/adapters/store/repositories/audit/auditLogRepository';

async function logWith(rows: number): Promise<Database> {
  const db = await openDatabase(null);
  for (let v = 1; v <= latestSchemaVersion; v++) applyMigration(db, v);
  const entries = Array.from({ length: rows }, (_, i) =>
    auditInsertStatement({ at: 1_700_000_000_000 + i, actorId: `u${i % 7}`, actorRole: 'agent', action: 'customer.view', subject: `c${i}`, detail: i % 2 ? { n: i, text: '退款' } : null }),
  );
  applyStatements(db, entries);
  return db;
}
/** Pages of 4 rows, so a few rows already span several read pages. */
const check = (db: Database) => checkAuditChain((sql, params = []) => queryRows(db, sql, params), 4);

describe('the audit chain check', () => {
  it('passes a log spanning several read pages, and reports its last row and hash', async () => {
    const db = await logWith(10);
    const last = queryRows(db, 'SELECT id, row_hash FROM audit_log ORDER BY id DESC LIMIT 1')[0]!;
    expect(check(db)).toEqual({ intact: true, rows: 10, lastId: 10, lastHash: last.row_hash });
  });

  it('passes an empty log', async () => {
    expect(check(await logWith(0))).toEqual({ intact: true, rows: 0, lastId: null, lastHash: null });
  });

  it('names an edited row on a later read page', async () => {
    const db = await logWith(10);
    applyStatements(db, [{ sql: 'DROP TRIGGER audit_log_no_update' }, { sql: "UPDATE audit_log SET subject = 'c-other' WHERE id = 6" }]);
    expect(check(db)).toMatchObject({ intact: false, rows: 5, brokenId: 6, reason: expect.stringContaining('changed after it was written') });
  });

  it('names the row after a removed one, and a row inserted without its hashes', async () => {
    const removed = await logWith(5);
    applyStatements(removed, [{ sql: 'DROP TRIGGER audit_log_no_delete' }, { sql: 'DELETE FROM audit_log WHERE id = 1' }]);
    expect(check(removed)).toMatchObject({ intact: false, rows: 0, brokenId: 2, reason: expect.stringContaining('does not match the start of the log') });

    const bypassed = await logWith(3);
    applyStatements(bypassed, [{ sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (1, 'x', 'admin', 'forged', NULL, NULL)" }]);
    expect(check(bypassed)).toMatchObject({ intact: false, rows: 3, brokenId: 4 });
  });
});
