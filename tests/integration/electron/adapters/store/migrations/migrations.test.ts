// Each migration, run on a database at the version before it holding seeded rows; whole tables are
// compared with what the migration must produce (conventions §10). Real sql.js, no mocks.
import { createHash } from 'node:crypto';
import type { Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion, migrations } from '../../../../../../electron/adapters/store/migrations';
import { applyMigration, applyStatements, openDatabase, queryRows, schemaVersion } from '../../../../../../electron/adapters/store/engine/sqlEngine';
import { indexTokens } from '../../../../../../shared/domain/searchTokens';
import { insertCall } from '../../../../../support/database/callRows';
import { auditInsertStatement } from '../../../../../../electron/adapters/store/repositories/audit/auditLogRepository';

async function databaseAt(version: number): Promise<Database> {
  const db = await openDatabase(null);
  for (let v = 1; v <= version; v++) applyMigration(db, v);
  return db;
}

const tableNames = (db: Database) => queryRows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts_%' ORDER BY name").map((r) => String(r.name));
const wholeTable = (db: Database, table: string) => queryRows(db, `SELECT * FROM ${table} ORDER BY 1, 2`);

const t0 = Date.UTC(2026, 10, 2, 1, 0, 0); // 09:00 in Shanghai, on a 15-minute boundary
const seededCalls = [
  insertCall({ id: 'a', agentId: 'agent-1', startedAt: t0 + 60_000, timeToAnswerMs: 4_000, talkMs: 90_000, holdMs: 10_000, wrapMs: 30_000 }),
  insertCall({ id: 'b', agentId: 'agent-1', startedAt: t0 + 14 * 60_000, timeToAnswerMs: 16_000, talkMs: 50_000, wrapMs: 10_000, isComplaint: true }),
  insertCall({ id: 'c', agentId: 'agent-1', startedAt: t0 + 15 * 60_000, outcome: 'abandoned', timeToAnswerMs: null, talkMs: 0, wrapMs: 0, notes: '客户挂断' }),
  insertCall({ id: 'd', agentId: 'agent-2', direction: 'outbound', startedAt: t0 + 5 * 60_000, timeToAnswerMs: null, answeredAt: t0 + 5 * 60_000 + 3_000, talkMs: 60_000, wrapMs: 5_000, notes: 'callback about refund 退款' }),
  insertCall({ id: 'e', agentId: 'agent-2', startedAt: t0 + 20 * 60_000, endedAt: null, outcome: 'answered', notes: 'still ringing' }),
];

describe('migration 1 (core tables) from an empty database', () => {
  it('creates every table Deskline writes to, and records schema 1', async () => {
    const db = await databaseAt(0);
    applyMigration(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual([
      'agent_state_current', 'agent_state_segments', 'audit_log', 'call_events', 'calls', 'complaints', 'customer_numbers',
      'customers', 'handoffs', 'note_revisions', 'qa_evaluations', 'scripts', 'users',
    ]);
  });
});

describe('migration 2 (15-minute and day stats) from version 1 with calls in it', () => {
  it('backfills exactly the aggregates of the finished calls, and leaves calls unchanged', async () => {
    const db = await databaseAt(1);
    applyStatements(db, seededCalls);
    const callsBefore = wholeTable(db, 'calls');
    applyMigration(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(wholeTable(db, 'calls')).toEqual(callsBefore);
    // Worked by hand: a and b fall in 09:00–09:15 for agent-1, c in 09:15–09:30; d (outbound) in
    // agent-2's 09:00 interval; e has not ended, so it is not counted anywhere yet.
    const q = 15 * 60_000;
    const zero = { within_three_rings: 0, by_second_ring: 0, abandoned: 0, answer_ms_total: 0, hold_ms_total: 0, complaints: 0 };
    expect(wholeTable(db, 'interval_stats')).toEqual([
      { bucket_start: t0, agent_id: 'agent-1', calls: 2, offered: 2, answered: 2, within_three_rings: 1, by_second_ring: 1, abandoned: 0, answer_ms_total: 20_000, talk_ms_total: 140_000, hold_ms_total: 10_000, wrap_ms_total: 40_000, complaints: 1 },
      { bucket_start: t0, agent_id: 'agent-2', calls: 1, offered: 0, answered: 0, ...zero, talk_ms_total: 60_000, wrap_ms_total: 5_000 },
      { bucket_start: t0 + q, agent_id: 'agent-1', calls: 1, offered: 1, answered: 0, ...zero, abandoned: 1, talk_ms_total: 0, wrap_ms_total: 0 },
    ]);
    // All of it falls on 2026-11-02 (UTC).
    const day = Date.UTC(2026, 10, 2);
    expect(wholeTable(db, 'day_stats')).toEqual([
      { bucket_start: day, agent_id: 'agent-1', calls: 3, offered: 3, answered: 2, within_three_rings: 1, by_second_ring: 1, abandoned: 1, answer_ms_total: 20_000, talk_ms_total: 140_000, hold_ms_total: 10_000, wrap_ms_total: 40_000, complaints: 1 },
      { bucket_start: day, agent_id: 'agent-2', calls: 1, offered: 0, answered: 0, ...zero, talk_ms_total: 60_000, wrap_ms_total: 5_000 },
    ]);
  });

  it('keeps the aggregates current when a call ends, is corrected, or is deleted', async () => {
    const db = await databaseAt(2);
    applyStatements(db, seededCalls);
    const row = () => queryRows(db, "SELECT calls, answered, talk_ms_total FROM interval_stats WHERE agent_id = 'agent-2' AND bucket_start = ?", [t0 + 15 * 60_000])[0];
    const dayRow = () => queryRows(db, "SELECT calls, talk_ms_total FROM day_stats WHERE agent_id = 'agent-2'")[0];
    expect(row()).toBeUndefined(); // e is still ringing
    applyStatements(db, [{ sql: "UPDATE calls SET ended_at = ?, talk_ms = 70000 WHERE id = 'e'", params: [t0 + 25 * 60_000] }]);
    expect(row()).toEqual({ calls: 1, answered: 1, talk_ms_total: 70_000 });
    applyStatements(db, [{ sql: "UPDATE calls SET talk_ms = 75000 WHERE id = 'e'" }]);
    expect(row()).toEqual({ calls: 1, answered: 1, talk_ms_total: 75_000 });
    expect(dayRow()).toEqual({ calls: 2, talk_ms_total: 135_000 });
    applyStatements(db, [{ sql: "DELETE FROM calls WHERE id = 'e'" }]);
    expect(row()).toEqual({ calls: 0, answered: 0, talk_ms_total: 0 });
    expect(dayRow()).toEqual({ calls: 1, talk_ms_total: 60_000 });
  });
});

describe('migration 3 (full-text search) from version 2 with calls and customers in it', () => {
  it('indexes the existing rows, leaves every other table unchanged, and finds Chinese and English terms', async () => {
    const db = await databaseAt(2);
    applyStatements(db, seededCalls);
    applyStatements(db, [{ sql: "INSERT INTO customers (id, name, organisation, notes, created_at, updated_at) VALUES ('k1', '李雷', 'Contoso 上海分公司', '', 0, 0)" }]);
    const before = Object.fromEntries(tableNames(db).map((t) => [t, wholeTable(db, t)]));
    applyMigration(db, 3);
    expect(schemaVersion(db)).toBe(3);
    const after = Object.fromEntries(tableNames(db).filter((t) => t in before).map((t) => [t, wholeTable(db, t)]));
    expect(after).toEqual(before);
    const match = (table: string, expr: string) => queryRows(db, `SELECT docid FROM ${table} WHERE body MATCH ? ORDER BY docid`, [expr]).map((r) => Number(r.docid));
    const rowid = (id: string) => Number(queryRows(db, 'SELECT rowid FROM calls WHERE id = ?', [id])[0]!.rowid);
    expect(match('calls_fts', '"退款"')).toEqual([rowid('d')]);
    expect(match('calls_fts', 'refund*')).toEqual([rowid('d')]);
    expect(match('calls_fts', '"挂断"')).toEqual([rowid('c')]);
    expect(match('customers_fts', 'contoso*')).toHaveLength(1);
    expect(match('customers_fts', '"上海"')).toHaveLength(1);
  });
});

describe('migration 4 (calls by customer) from version 3 with calls in it', () => {
  it('adds the index, changes no rows, and a customer\'s calls are then read through it', async () => {
    const db = await databaseAt(3);
    applyStatements(db, seededCalls);
    applyStatements(db, [{ sql: "UPDATE calls SET customer_id = 'k1' WHERE id IN ('a', 'd')" }]);
    // FTS4's own shadow tables are left out: an index on calls cannot touch them.
    const plainTables = () => tableNames(db).filter((t) => !t.includes('_fts'));
    const before = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    applyMigration(db, 4);
    expect(schemaVersion(db)).toBe(4);
    expect(Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]))).toEqual(before);
    const plan = queryRows(db, "EXPLAIN QUERY PLAN SELECT id FROM calls WHERE customer_id = 'k1' ORDER BY started_at DESC").map((r) => String(r.detail));
    expect(plan.join(' ')).toMatch(/USING INDEX calls_customer_started/);
    expect(queryRows(db, "SELECT id FROM calls WHERE customer_id = 'k1' ORDER BY started_at").map((r) => r.id)).toEqual(['a', 'd']);
  });
});

describe('migration 5 (number search apart from notes) from version 4 with calls in it', () => {
  it('re-indexes every call with notes and caller in separate columns, and changes no other table', async () => {
    const db = await databaseAt(4);
    applyStatements(db, seededCalls);
    applyStatements(db, [{ sql: "UPDATE calls SET remote_name = '13987654321' WHERE id = 'd'" }]);
    const plainTables = () => tableNames(db).filter((t) => !t.includes('_fts'));
    const before = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    applyMigration(db, 5);
    expect(schemaVersion(db)).toBe(5);
    expect(Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]))).toEqual(before);
    const rowid = (id: string) => Number(queryRows(db, 'SELECT rowid FROM calls WHERE id = ?', [id])[0]!.rowid);
    const docids = (expr: string, column = 'calls_fts') => queryRows(db, `SELECT docid FROM calls_fts WHERE ${column} MATCH ? ORDER BY docid`, [expr]).map((r) => Number(r.docid));
    // Every call indexed, notes in body, display name and number in party (callRows' default number).
    expect(queryRows(db, 'SELECT docid, body, party FROM calls_fts ORDER BY docid')).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((id) => {
        const call = before.calls!.find((r) => r.id === id)!;
        return { docid: rowid(id), body: indexTokens(String(call.notes)), party: indexTokens(`${String(call.remote_name ?? '')} ${String(call.remote_number)}`) };
      }),
    );
    expect(docids('refund*', 'body')).toEqual([rowid('d')]);
    expect(docids('"退款"', 'body')).toEqual([rowid('d')]);
    expect(docids('1398*', 'body')).toEqual([]);
    expect(docids('1398*', 'party')).toEqual([rowid('d')]);
    expect(docids('1398*')).toEqual([rowid('d')]);
    // The triggers keep both columns current.
    applyStatements(db, [{ sql: "UPDATE calls SET notes = 'billing', remote_number = '13711112222' WHERE id = 'a'" }]);
    expect(docids('billing', 'body')).toEqual([rowid('a')]);
    expect(docids('13711112222', 'party')).toEqual([rowid('a')]);
    applyStatements(db, [{ sql: "DELETE FROM calls WHERE id = 'a'" }]);
    expect(docids('billing')).toEqual([]);
  });
});

describe('migration 6 (classification amendments) from version 5 with calls in it', () => {
  it('adds the empty amendments table and changes no other table', async () => {
    const db = await databaseAt(5);
    applyStatements(db, seededCalls);
    const plainTables = () => tableNames(db).filter((t) => !t.includes('_fts'));
    const before = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    applyMigration(db, 6);
    expect(schemaVersion(db)).toBe(6);
    expect(plainTables()).toEqual([...Object.keys(before), 'classification_amendments'].sort());
    expect(Object.fromEntries(Object.keys(before).map((t) => [t, wholeTable(db, t)]))).toEqual(before);
    expect(wholeTable(db, 'classification_amendments')).toEqual([]);
    applyStatements(db, [
      { sql: "INSERT INTO classification_amendments (call_id, amended_at, author_id, author_role, category_before, category_after) VALUES ('a', 1, 'li', 'agent', NULL, 'complaint')" },
    ]);
    const plan = queryRows(db, "EXPLAIN QUERY PLAN SELECT * FROM classification_amendments WHERE call_id = 'a' ORDER BY id").map((r) => String(r.detail));
    expect(plan.join(' ')).toMatch(/USING INDEX classification_amendments_call/);
  });
});

describe('migration 7 (caller ID verified) from version 6 with calls in it', () => {
  it('adds the column, NULL on every existing call (history as before), and changes nothing else', async () => {
    const db = await databaseAt(6);
    applyStatements(db, seededCalls);
    const plainTables = () => tableNames(db).filter((t) => !t.includes('_fts'));
    const before = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    applyMigration(db, 7);
    expect(schemaVersion(db)).toBe(7);
    const after = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    expect(after.calls).toEqual(before.calls!.map((row) => ({ ...row, caller_id_verified: null })));
    expect({ ...after, calls: null }).toEqual({ ...before, calls: null });
  });
});

describe('migration 8 (accounts) from version 7 with a user and calls in it', () => {
  it('keeps every user with their role as their one role, adds the account columns, and changes nothing else', async () => {
    const db = await databaseAt(7);
    applyStatements(db, [
      ...seededCalls,
      { sql: "INSERT INTO users (id, display_name, role, created_at) VALUES ('Li', '李娜', 'teamLead', 5)" },
    ]);
    const plainTables = () => tableNames(db).filter((t) => !t.includes('_fts'));
    const before = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    applyMigration(db, 8);
    expect(schemaVersion(db)).toBe(8);
    const after = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    expect(after.users).toEqual([
      { id: 'Li', display_name: '李娜', role: 'teamLead', created_at: 5, agent_number: '', department: '', status: 'active', password_hash: null, phone_account_json: null, user_key: 'li' },
    ]);
    expect(after.user_roles).toEqual([{ user_id: 'Li', role: 'teamLead' }]);
    expect({ ...after, users: null, user_roles: undefined }).toEqual({ ...before, users: null });
    // One person per name whatever its case; a status other than active/disabled is refused.
    expect(() => applyStatements(db, [{ sql: "INSERT INTO users (id, display_name, role, created_at, user_key) VALUES ('LI', 'x', 'agent', 1, 'li')" }])).toThrow(/UNIQUE/);
    expect(() => applyStatements(db, [{ sql: "UPDATE users SET status = 'gone' WHERE id = 'Li'" }])).toThrow(/CHECK/);
  });
});

describe('migration 9 (audit log hash chain, append-only) from version 8 with audit rows in it', () => {
  // Independent of engine/auditChainHash.ts: the documented encoding, SHA-256 over the JSON array
  // [prev_hash, id, at, actor_id, actor_role, action, subject, detail_json].
  const sha = (fields: unknown[]) => createHash('sha256').update(JSON.stringify(fields)).digest('hex');
  const genesis = '0'.repeat(64);
  const seededAudit = [
    { sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (1000, 'local', 'agent', 'customer.view', 'cust-1', NULL)" },
    { sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (2000, 'lead', 'teamLead', 'calls.search', NULL, '{\"text\":\"退款\"}')" },
    { sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (3000, 'local', 'agent', 'customer.update', 'cust-1', '{}')" },
  ];

  it('chains the existing rows in id order, changes nothing else, and refuses UPDATE and DELETE (S-6)', async () => {
    const db = await databaseAt(8);
    applyStatements(db, [...seededCalls, ...seededAudit]);
    const plainTables = () => tableNames(db).filter((t) => !t.includes('_fts'));
    const before = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    applyMigration(db, 9);
    expect(schemaVersion(db)).toBe(9);
    const h1 = sha([genesis, 1, 1000, 'local', 'agent', 'customer.view', 'cust-1', null]);
    const h2 = sha([h1, 2, 2000, 'lead', 'teamLead', 'calls.search', null, '{"text":"退款"}']);
    const h3 = sha([h2, 3, 3000, 'local', 'agent', 'customer.update', 'cust-1', '{}']);
    const after = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    expect(after.audit_log).toEqual([
      { ...before.audit_log![0], prev_hash: genesis, row_hash: h1 },
      { ...before.audit_log![1], prev_hash: h1, row_hash: h2 },
      { ...before.audit_log![2], prev_hash: h2, row_hash: h3 },
    ]);
    expect({ ...after, audit_log: null }).toEqual({ ...before, audit_log: null });

    expect(() => applyStatements(db, [{ sql: "UPDATE audit_log SET detail_json = '{\"edited\":true}' WHERE id = 2" }])).toThrow(/append-only/);
    expect(() => applyStatements(db, [{ sql: 'DELETE FROM audit_log WHERE id = 3' }])).toThrow(/append-only/);
    expect(wholeTable(db, 'audit_log')).toEqual(after.audit_log);
    const plan = queryRows(db, 'EXPLAIN QUERY PLAN SELECT count(*) FROM audit_log WHERE at >= 1500 AND at < 2500').map((r) => String(r.detail));
    expect(plan.join(' ')).toMatch(/USING COVERING INDEX audit_log_at/);
  });

  it('chains rows written after it to the last migrated row', async () => {
    const db = await databaseAt(8);
    applyStatements(db, seededAudit);
    applyMigration(db, 9);
    const last = String(queryRows(db, 'SELECT row_hash FROM audit_log WHERE id = 3')[0]!.row_hash);
    applyStatements(db, [auditInsertStatement({ at: 4000, actorId: 'admin-1', actorRole: 'admin', action: 'settings.change', subject: 'saveClockSettings', detail: { fields: ['x'] } })]);
    expect(queryRows(db, 'SELECT * FROM audit_log WHERE id = 4')).toEqual([
      {
        id: 4, at: 4000, actor_id: 'admin-1', actor_role: 'admin', action: 'settings.change', subject: 'saveClockSettings', detail_json: '{"fields":["x"]}',
        prev_hash: last, row_hash: sha([last, 4, 4000, 'admin-1', 'admin', 'settings.change', 'saveClockSettings', '{"fields":["x"]}']),
      },
    ]);
  });

  it('starts the chain at the genesis hash on an empty log', async () => {
    const db = await databaseAt(9);
    applyStatements(db, [auditInsertStatement({ at: 5, actorId: 'a', actorRole: 'agent', action: 'x', subject: null, detail: null })]);
    expect(queryRows(db, 'SELECT id, prev_hash, row_hash FROM audit_log')).toEqual([{ id: 1, prev_hash: genesis, row_hash: sha([genesis, 1, 5, 'a', 'agent', 'x', null, null]) }]);
  });
});

describe('migration 10 (retention) from version 9 with calls and customers in it', () => {
  it('adds anonymised_at, NULL on every existing row (nothing anonymised yet), and changes nothing else', async () => {
    const db = await databaseAt(9);
    applyStatements(db, seededCalls);
    applyStatements(db, [{ sql: "INSERT INTO customers (id, name, notes, created_at, updated_at) VALUES ('k1', '王小明', 'VIP', 1, 2)" }]);
    const plainTables = () => tableNames(db).filter((t) => !t.includes('_fts'));
    const before = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    applyMigration(db, 10);
    expect(schemaVersion(db)).toBe(10);
    const after = Object.fromEntries(plainTables().map((t) => [t, wholeTable(db, t)]));
    expect(after.calls).toEqual(before.calls!.map((row) => ({ ...row, anonymised_at: null })));
    expect(after.customers).toEqual(before.customers!.map((row) => ({ ...row, anonymised_at: null })));
    expect({ ...after, calls: null, customers: null }).toEqual({ ...before, calls: null, customers: null });
    // The retention query walks the partial index of rows not yet anonymised.
    const plan = queryRows(db, "EXPLAIN QUERY PLAN SELECT rowid FROM calls WHERE anonymised_at IS NULL AND started_at < 5 ORDER BY started_at, rowid");
    expect(plan.map((r) => String(r.detail)).join(' ')).toContain('calls_retention');
  });

  it('clears the mark when an anonymised call or customer is written again (S-6: judged again later)', async () => {
    const db = await databaseAt(10);
    applyStatements(db, [...seededCalls, { sql: "INSERT INTO customers (id, name, notes, created_at, updated_at, anonymised_at) VALUES ('k1', '', '', 1, 2, 3)" }]);
    applyStatements(db, [{ sql: "UPDATE calls SET anonymised_at = 9 WHERE id IN ('a', 'b', 'c')" }]);
    applyStatements(db, [
      { sql: "UPDATE calls SET notes = 'new' WHERE id = 'a'" },
      { sql: "INSERT INTO note_revisions (call_id, revision, text, saved_at, author_id) VALUES ('b', 1, 'x', 5, 'agent-1')" },
      { sql: "UPDATE calls SET talk_ms = 1 WHERE id = 'c'" }, // not personal data: stays anonymised
      { sql: "INSERT INTO customer_numbers (customer_id, number) VALUES ('k1', '13800135678')" },
    ]);
    expect(queryRows(db, 'SELECT id, anonymised_at FROM calls WHERE id IN (\'a\', \'b\', \'c\') ORDER BY id')).toEqual([
      { id: 'a', anonymised_at: null },
      { id: 'b', anonymised_at: null },
      { id: 'c', anonymised_at: 9 },
    ]);
    expect(queryRows(db, 'SELECT anonymised_at FROM customers')).toEqual([{ anonymised_at: null }]);
  });
});

describe('the migration list', () => {
  it('is numbered 1..N without gaps, so they always run in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: latestSchemaVersion }, (_, i) => i + 1));
  });

  it('refuses to skip a version', async () => {
    const db = await databaseAt(1);
    expect(() => applyMigration(db, 3)).toThrow('Migration 3 needs schema 2, found 1.');
    expect(schemaVersion(db)).toBe(1);
  });
});
