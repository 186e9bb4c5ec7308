// S-6 retention through the real store (sql.js, FTS4): the dry-run count is exactly what a run then
// changes; a run anonymises and deletes exactly the old rows and nothing newer; what it removed is
// no longer found by full-text search nor kept in note revisions or the call timeline; and it goes
// in commits of bounded size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type SqlStatement, type Store } from '../../../../../../../electron/adapters/store/engine/store';
import { searchCalls, searchCustomers } from '../../../../../../../electron/adapters/store/repositories/fullTextSearch';
import { callBatch, createRetentionStoreRepository, customerBatch } from '../../../../../../../electron/adapters/store/repositories/retention/retentionRepository';
import type { RetentionCursor, RetentionRepository } from '../../../../../../../electron/core/retention/ports';
import type { RetentionCounts } from '../../../../../../../shared/contract/retention';
import { insertCall } from '../../../../../../support/database/callRows';
import { tempDataDir } from '../../../../../../support/webHost';

const day = 24 * 60 * 60_000;
const now = Date.UTC(2026, 10, 23, 1, 0, 0);
const cutoff = now - 180 * day;
const before = (days: number) => cutoff - days * day;
const after = (days: number) => cutoff + days * day;

let store: Store;
let repository: RetentionRepository;

beforeEach(async () => {
  store = await openStore({ dataDir: tempDataDir('deskline-retention-') });
  repository = createRetentionStoreRepository(store);
});
afterEach(() => store.close());

const revision = (callId: string, n: number, text: string, savedAt: number): SqlStatement => ({
  sql: 'INSERT INTO note_revisions (call_id, revision, text, saved_at, is_amendment, author_id) VALUES (?, ?, ?, ?, 0, ?)',
  params: [callId, n, text, savedAt, 'agent-1'],
});
const customer = (id: string, name: string, updatedAt: number, numbers: string[], notes = ''): SqlStatement[] => [
  {
    sql: `INSERT INTO customers (id, name, organisation, tags_json, consent, consent_at, notes, created_at, updated_at) VALUES (?, ?, 'Northwind 北风贸易', '["vip"]', 1, ?, ?, ?, ?)`,
    params: [id, name, updatedAt, notes, updatedAt, updatedAt],
  },
  ...numbers.map((n) => ({ sql: 'INSERT INTO customer_numbers (customer_id, number, label) VALUES (?, ?, NULL)', params: [id, n] })),
];
const offeredEvent = (callId: string, number: string, name: string, at: number): SqlStatement => ({
  sql: `INSERT INTO call_events (call_id, kind, at_wall, at_monotonic, detail_json) VALUES (?, 'offered', ?, 0, ?)`,
  params: [callId, at, JSON.stringify({ direction: 'inbound', remote: { number, name, verified: false }, waiting: false })],
});

/** A store with old and new rows of every kind, and the edge cases of "last activity". */
async function seed(): Promise<void> {
  await store.commit([
    // Old, with notes, revisions, a caller name and a timeline: all of it goes.
    insertCall({ id: 'old-1', agentId: 'agent-1', startedAt: before(30), remoteNumber: '13800135678', remoteName: '王小明', notes: '客户要求退款 refund' }),
    revision('old-1', 1, '客户要求', before(30)),
    revision('old-1', 2, '客户要求退款 refund', before(29)),
    offeredEvent('old-1', '13800135678', '王小明', before(30)),
    // Old, no notes at all.
    insertCall({ id: 'old-2', agentId: 'agent-2', startedAt: before(10), remoteNumber: '+8613911112222' }),
    // Old, notes cleared later (still before the cutoff): the earlier revision's text must go too.
    insertCall({ id: 'old-3', agentId: 'agent-1', startedAt: before(5), notes: '' }),
    revision('old-3', 1, 'router password is hunter2', before(5)),
    revision('old-3', 2, '', before(4)),
    // Started before the cutoff but a note amended after it: still in use, kept.
    insertCall({ id: 'amended', agentId: 'agent-1', startedAt: before(2), notes: 'invoice reissued 发票' }),
    revision('amended', 1, 'invoice reissued 发票', after(1)),
    // Never ended (a stuck row): not judged old.
    insertCall({ id: 'active', agentId: 'agent-1', startedAt: before(40), endedAt: null, notes: 'still here' }),
    // Newer than the cutoff: untouched.
    insertCall({ id: 'new-1', agentId: 'agent-1', startedAt: after(1), remoteNumber: '13800135678', remoteName: '王小明', notes: '退款已到账 refund done' }),
    revision('new-1', 1, '退款已到账 refund done', after(1)),
    offeredEvent('new-1', '13800135678', '王小明', after(1)),
  ]);
  await store.commit([{ sql: "UPDATE calls SET outcome = 'active' WHERE id = 'active'" }]);
  await store.commit([
    // Old record, no calls since: anonymised.
    ...customer('k-old', 'Alice Zhang', before(60), ['13700001111'], 'prefers email 喜欢邮件'),
    // Old record, but its number called after the cutoff in another written form: kept.
    ...customer('k-caller', '李雷', before(60), ['+8613800135678']),
    // Old record, but a call linked to it after the cutoff: kept.
    ...customer('k-linked', 'Bob Li', before(60), []),
    // Changed after the cutoff: kept.
    ...customer('k-new', '韩梅梅', after(2), ['13600002222']),
    insertCall({ id: 'new-linked', agentId: 'agent-1', startedAt: after(3), remoteNumber: '10086' }),
    { sql: "UPDATE calls SET customer_id = 'k-linked' WHERE id = 'new-linked'" },
    { sql: "UPDATE calls SET customer_id = 'k-old' WHERE id = 'old-2'" },
  ]);
}

async function runAll(at = now): Promise<{ done: RetentionCounts; batches: number }> {
  const done: RetentionCounts = { customers: 0, calls: 0, callNotes: 0, noteRevisions: 0 };
  let cursor: RetentionCursor | null = null;
  let batches = 0;
  do {
    const batch = await repository.runBatch(cutoff, at, cursor);
    for (const key of Object.keys(done) as Array<keyof RetentionCounts>) done[key] += batch.done[key];
    cursor = batch.next;
    batches++;
  } while (cursor !== null);
  return { done, batches };
}

const rows = (sql: string) => store.query(sql);
const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id).sort();

describe('retention in the store (S-6)', () => {
  it('counts in a dry run exactly what the run then does, and the dry run changes nothing', async () => {
    await seed();
    const snapshot = async () => [await rows('SELECT * FROM calls ORDER BY id'), await rows('SELECT * FROM customers ORDER BY id'), await rows('SELECT * FROM note_revisions ORDER BY id')];
    const untouched = await snapshot();
    const counted = await repository.count(cutoff);
    expect(await snapshot()).toEqual(untouched);
    expect(counted).toEqual({ customers: 1, calls: 3, callNotes: 1, noteRevisions: 4 });
    expect((await runAll()).done).toEqual(counted);
    expect(await repository.count(cutoff)).toEqual({ customers: 0, calls: 0, callNotes: 0, noteRevisions: 0 });
  });

  it('anonymises exactly the old calls and customers and leaves everything newer as it was', async () => {
    await seed();
    const keptCalls = await rows("SELECT * FROM calls WHERE id NOT IN ('old-1', 'old-2', 'old-3') ORDER BY id");
    const keptCustomers = await rows("SELECT * FROM customers WHERE id != 'k-old' ORDER BY id");
    const keptRevisions = await rows("SELECT * FROM note_revisions WHERE call_id NOT IN ('old-1', 'old-3') ORDER BY id");
    await runAll();

    expect(await rows("SELECT * FROM calls WHERE id NOT IN ('old-1', 'old-2', 'old-3') ORDER BY id")).toEqual(keptCalls);
    expect(await rows("SELECT * FROM customers WHERE id != 'k-old' ORDER BY id")).toEqual(keptCustomers);
    expect(await rows('SELECT * FROM note_revisions ORDER BY id')).toEqual(keptRevisions);

    const old = await rows("SELECT id, notes, remote_name, remote_number, customer_id, anonymised_at, agent_id, talk_ms FROM calls WHERE id LIKE 'old-%' ORDER BY id");
    expect(old).toEqual([
      { id: 'old-1', notes: '', remote_name: null, remote_number: '', customer_id: null, anonymised_at: now, agent_id: 'agent-1', talk_ms: 100_000 },
      { id: 'old-2', notes: '', remote_name: null, remote_number: '', customer_id: null, anonymised_at: now, agent_id: 'agent-2', talk_ms: 100_000 },
      { id: 'old-3', notes: '', remote_name: null, remote_number: '', customer_id: null, anonymised_at: now, agent_id: 'agent-1', talk_ms: 100_000 },
    ]);
    expect(await rows("SELECT name, organisation, tags_json, notes, consent, consent_at, anonymised_at FROM customers WHERE id = 'k-old'")).toEqual([
      { name: '', organisation: null, tags_json: '[]', notes: '', consent: 0, consent_at: null, anonymised_at: now },
    ]);
    expect(await rows("SELECT * FROM customer_numbers WHERE customer_id = 'k-old'")).toEqual([]);
    // The timeline keeps its events but not who the call was with.
    const [event] = await rows("SELECT detail_json FROM call_events WHERE call_id = 'old-1'");
    expect(JSON.parse(String(event!.detail_json))).toEqual({ direction: 'inbound', remote: { number: '', name: null, verified: false }, waiting: false });
    const [newEvent] = await rows("SELECT detail_json FROM call_events WHERE call_id = 'new-1'");
    expect(JSON.parse(String(newEvent!.detail_json)).remote).toEqual({ number: '13800135678', name: '王小明', verified: false });
  });

  it('leaves nothing of the removed text findable by full-text search, in notes, names, numbers or customers', async () => {
    await seed();
    expect(ids(await searchCalls(store, 'hunter2'))).toEqual([]); // only ever in an old revision, never indexed
    expect(ids(await searchCalls(store, '退款'))).toEqual(['new-1', 'old-1']);
    expect(ids(await searchCustomers(store, 'Alice'))).toEqual(['k-old']);
    await runAll();
    expect(ids(await searchCalls(store, '退款'))).toEqual(['new-1']);
    expect(ids(await searchCalls(store, 'refund'))).toEqual(['new-1']);
    expect(ids(await searchCalls(store, '王小明'))).toEqual(['new-1']); // the caller name (party column)
    expect(ids(await searchCalls(store, '13911112222'))).toEqual([]);
    expect(ids(await searchCustomers(store, 'Alice'))).toEqual([]);
    expect(ids(await searchCustomers(store, '喜欢邮件'))).toEqual([]);
    expect(ids(await searchCustomers(store, 'vip'))).toEqual(['k-caller', 'k-linked', 'k-new']);
    // The index holds, for each anonymised row, the blank text only.
    const indexed = await rows("SELECT body, party FROM calls_fts WHERE docid = (SELECT rowid FROM calls WHERE id = 'old-1')");
    expect(indexed).toEqual([{ body: '', party: '' }]);
  });

  it('does nothing on a second run, and judges a row again once it is written after being anonymised', async () => {
    await seed();
    await runAll();
    expect((await runAll()).done).toEqual({ customers: 0, calls: 0, callNotes: 0, noteRevisions: 0 });
    // An agent re-uses the anonymised record (an edit brings it back with new data) and amends an old call's note.
    await store.commit([{ sql: "UPDATE customers SET name = 'Alice again', updated_at = ? WHERE id = 'k-old'", params: [before(1)] }]);
    await store.commit([revision('old-1', 1, 'late note', before(1)), { sql: "UPDATE calls SET notes = 'late note' WHERE id = 'old-1'" }]);
    expect(await rows("SELECT id, anonymised_at FROM calls WHERE id = 'old-1' UNION ALL SELECT id, anonymised_at FROM customers WHERE id = 'k-old'")).toEqual([
      { id: 'old-1', anonymised_at: null },
      { id: 'k-old', anonymised_at: null },
    ]);
    expect(await repository.count(cutoff)).toEqual({ customers: 1, calls: 1, callNotes: 1, noteRevisions: 1 });
    expect((await runAll(now + day)).done).toEqual({ customers: 1, calls: 1, callNotes: 1, noteRevisions: 1 });
    expect(ids(await searchCalls(store, 'late'))).toEqual([]);
  });

  it('works in commits of bounded size however much is old', async () => {
    const calls = 2 * callBatch + 17;
    const customers = customerBatch + 3;
    const statements: SqlStatement[] = [];
    for (let i = 0; i < calls; i++) statements.push(insertCall({ id: `bulk-${i}`, agentId: 'agent-1', startedAt: before(100) + i * 1000, notes: `note ${i}` }), revision(`bulk-${i}`, 1, `note ${i}`, before(99)));
    for (let i = 0; i < customers; i++) statements.push(...customer(`bulk-k-${i}`, `Customer ${i}`, before(50), [`1390000${String(i).padStart(4, '0')}`]));
    await store.commit(statements);

    const commits: number[] = [];
    const measured = createRetentionStoreRepository({
      query: (sql, params) => store.query(sql, params),
      commit: (batch) => {
        commits.push(batch.reduce((sum, s) => sum + (s.params?.length ?? 0), 0));
        return store.commit(batch);
      },
    });
    expect(await measured.count(cutoff)).toEqual({ customers, calls, callNotes: calls, noteRevisions: calls });
    let cursor: RetentionCursor | null = null;
    let anonymised = 0;
    do {
      const batch = await measured.runBatch(cutoff, now, cursor);
      anonymised += batch.done.calls + batch.done.customers;
      cursor = batch.next;
    } while (cursor !== null);
    expect(anonymised).toBe(calls + customers);
    expect(commits.length).toBe(Math.ceil(calls / callBatch) + Math.ceil(customers / customerBatch));
    // Each commit binds each row's id a bounded number of times, whatever the store holds.
    for (const params of commits) expect(params).toBeLessThanOrEqual(3 * callBatch + 1);
    expect(await rows("SELECT count(*) AS n FROM calls WHERE anonymised_at IS NULL AND id LIKE 'bulk-%'")).toEqual([{ n: 0 }]);
  });
});
