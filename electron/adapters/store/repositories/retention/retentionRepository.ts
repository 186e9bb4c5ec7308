// S-6 retention in the store. What "old" means: a call whose last activity (its end, its latest
// note revision, its latest classification amendment) is before the cutoff; a customer whose record
// was last changed before the cutoff and who has had no call since (linked to them, or from/to any
// written form of one of their numbers). What a run does, per table:
//   calls             notes emptied, caller name and number removed (remote_number ''), unlinked
//                     from the customer (customer_id NULL); times, outcome, category and durations
//                     stay (S-7 indicators are counted on them); anonymised_at stamped.
//   note_revisions    every revision of those calls deleted (the text and who wrote it).
//   call_events       the caller (remote.number, remote.name) and transfer targets blanked in the
//                     timeline details; the timeline itself stays.
//   calls_fts         re-indexed by the calls_fts_update trigger (migration 005) with the blanked
//                     values: the removed notes, name and number are no longer found. FTS4 keeps
//                     the old words, unreachable by MATCH, in older segments until they merge;
//                     'optimize' would purge them but costs in proportion to the whole index
//                     (about 0.4 s per 100k calls), too much for one commit (README, Retention).
//   customers         name, organisation, tags, notes, consent emptied; the row stays (its id may be
//                     referenced), anonymised_at stamped; customers_fts re-indexed by its trigger.
//   customer_numbers  deleted.
//   audit_log         never changed (append-only): its rows hold ids, counts and masked numbers.
//   handoffs, complaints, qa_evaluations: no feature writes them yet; they join retention when one does.
// Runs go in batches of at most `callBatch` calls or `customerBatch` customers per commit, walking
// the partial indexes of migration 010 (rows not yet anonymised) with a cursor, so a commit's cost
// does not grow with the database and no query reads the history earlier runs already did.
import type { RetentionCounts } from '../../../../../shared/contract/retention';
import { numberForms } from '../../../../../shared/domain/customerNumberAccess';
import type { RetentionCursor, RetentionRepository } from '../../../../core/retention/ports';
import type { SqlStatement, Store } from '../../engine/store';

export const callBatch = 200;
export const customerBatch = 100;
/** Rows read per page when only counting (a dry run): bounds each query, not the total. */
const countPage = 1000;
/** SQLite binds at most 32,766 parameters; numbers are looked up in chunks well below that. */
const maxParams = 500;

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

interface CallCandidate {
  rid: number;
  key: number;
  id: string;
  old: boolean;
  hasNotes: boolean;
  revisions: number;
}

interface CustomerCandidate {
  rid: number;
  key: number;
  id: string;
  old: boolean;
}

const callPageSql = `SELECT c.rowid AS rid, c.id, c.started_at AS k, c.notes != '' AS has_notes,
    (SELECT count(*) FROM note_revisions r WHERE r.call_id = c.id) AS revisions,
    (c.outcome != 'active' AND coalesce(c.ended_at, c.started_at) < ?1
      AND NOT EXISTS (SELECT 1 FROM note_revisions r WHERE r.call_id = c.id AND r.saved_at >= ?1)
      AND NOT EXISTS (SELECT 1 FROM classification_amendments a WHERE a.call_id = c.id AND a.amended_at >= ?1)) AS old
  FROM calls c
  WHERE c.anonymised_at IS NULL AND c.started_at < ?1 AND (c.started_at > ?2 OR (c.started_at = ?2 AND c.rowid > ?3))
  ORDER BY c.started_at, c.rowid LIMIT ?4`;

const customerPageSql = `SELECT k.rowid AS rid, k.id, k.updated_at AS k FROM customers k
  WHERE k.anonymised_at IS NULL AND k.updated_at < ?1 AND (k.updated_at > ?2 OR (k.updated_at = ?2 AND k.rowid > ?3))
  ORDER BY k.updated_at, k.rowid LIMIT ?4`;

/** Blanks who the call was with in its timeline: offered/dialing carry `remote`, transfers a `target`. */
const blankTimelineSql = (n: number) => `UPDATE call_events SET detail_json = CASE
    WHEN json_type(detail_json, '$.remote') = 'object' THEN json_set(detail_json, '$.remote.number', '', '$.remote.name', json('null'))
    ELSE json_set(detail_json, '$.target', '') END
  WHERE call_id IN (${placeholders(n)}) AND json_valid(detail_json)
    AND (json_type(detail_json, '$.remote') = 'object' OR json_type(detail_json, '$.target') IS NOT NULL)`;

const start = (phase: RetentionCursor['phase']): RetentionCursor => ({ phase, key: Number.MIN_SAFE_INTEGER, rowid: 0 });
const noCounts = (): RetentionCounts => ({ customers: 0, calls: 0, callNotes: 0, noteRevisions: 0 });

export function createRetentionStoreRepository(store: Pick<Store, 'query' | 'commit'>): RetentionRepository {
  async function callPage(cutoff: number, after: RetentionCursor, limit: number): Promise<CallCandidate[]> {
    const rows = await store.query(callPageSql, [cutoff, after.key, after.rowid, limit]);
    return rows.map((r) => ({ rid: Number(r.rid), key: Number(r.k), id: String(r.id), old: Number(r.old) === 1, hasNotes: Number(r.has_notes) === 1, revisions: Number(r.revisions) }));
  }

  async function customerPage(cutoff: number, after: RetentionCursor, limit: number): Promise<CustomerCandidate[]> {
    const rows = await store.query(customerPageSql, [cutoff, after.key, after.rowid, limit]);
    if (rows.length === 0) return [];
    const ids = rows.map((r) => String(r.id));
    const active = await activeSince(cutoff, ids);
    return rows.map((r) => ({ rid: Number(r.rid), key: Number(r.k), id: String(r.id), old: !active.has(String(r.id)) }));
  }

  /** Of these customers, those with a call at or after the cutoff: linked to them, or by one of their numbers. */
  async function activeSince(cutoff: number, ids: string[]): Promise<Set<string>> {
    const active = new Set<string>();
    const linked = await store.query(`SELECT DISTINCT customer_id FROM calls WHERE customer_id IN (${placeholders(ids.length)}) AND started_at >= ?`, [...ids, cutoff]);
    for (const r of linked) active.add(String(r.customer_id));
    const numbers = await store.query(`SELECT customer_id, number FROM customer_numbers WHERE customer_id IN (${placeholders(ids.length)})`, ids);
    const owners = new Map<string, string[]>(); // each written form of a number -> its customers
    for (const n of numbers) {
      for (const form of numberForms(String(n.number))) owners.set(form, [...(owners.get(form) ?? []), String(n.customer_id)]);
    }
    const forms = [...owners.keys()];
    for (let i = 0; i < forms.length; i += maxParams) {
      const chunk = forms.slice(i, i + maxParams);
      const recent = await store.query(`SELECT DISTINCT remote_number FROM calls WHERE remote_number IN (${placeholders(chunk.length)}) AND started_at >= ?`, [...chunk, cutoff]);
      for (const r of recent) for (const owner of owners.get(String(r.remote_number)) ?? []) active.add(owner);
    }
    return active;
  }

  function anonymiseCalls(calls: CallCandidate[], at: number): SqlStatement[] {
    const ids = calls.map((c) => c.id);
    const list = placeholders(ids.length);
    return [
      { sql: blankTimelineSql(ids.length), params: ids },
      { sql: `DELETE FROM note_revisions WHERE call_id IN (${list})`, params: ids },
      { sql: `UPDATE calls SET notes = '', remote_name = NULL, remote_number = '', customer_id = NULL, anonymised_at = ? WHERE id IN (${list})`, params: [at, ...ids] },
    ];
  }

  function anonymiseCustomers(customers: CustomerCandidate[], at: number): SqlStatement[] {
    const ids = customers.map((c) => c.id);
    const list = placeholders(ids.length);
    return [
      { sql: `DELETE FROM customer_numbers WHERE customer_id IN (${list})`, params: ids },
      {
        sql: `UPDATE customers SET name = '', organisation = NULL, tags_json = '[]', notes = '', consent = 0, consent_at = NULL, anonymised_at = ? WHERE id IN (${list})`,
        params: [at, ...ids],
      },
    ];
  }

  const countCalls = (calls: CallCandidate[]): RetentionCounts => ({
    customers: 0,
    calls: calls.length,
    callNotes: calls.filter((c) => c.hasNotes).length,
    noteRevisions: calls.reduce((sum, c) => sum + c.revisions, 0),
  });

  return {
    async count(cutoff) {
      const counts = noCounts();
      for (let after = start('calls'); ; ) {
        const page = await callPage(cutoff, after, countPage);
        const done = countCalls(page.filter((c) => c.old));
        counts.calls += done.calls;
        counts.callNotes += done.callNotes;
        counts.noteRevisions += done.noteRevisions;
        const last = page.at(-1);
        if (!last || page.length < countPage) break;
        after = { phase: 'calls', key: last.key, rowid: last.rid };
      }
      for (let after = start('customers'); ; ) {
        const page = await customerPage(cutoff, after, countPage);
        counts.customers += page.filter((c) => c.old).length;
        const last = page.at(-1);
        if (!last || page.length < countPage) break;
        after = { phase: 'customers', key: last.key, rowid: last.rid };
      }
      return counts;
    },

    async runBatch(cutoff, at, after) {
      const cursor = after ?? start('calls');
      if (cursor.phase === 'calls') {
        const page = await callPage(cutoff, cursor, callBatch);
        const old = page.filter((c) => c.old);
        if (old.length > 0) await store.commit(anonymiseCalls(old, at));
        const last = page.at(-1);
        const next = last && page.length === callBatch ? { phase: 'calls' as const, key: last.key, rowid: last.rid } : start('customers');
        return { done: countCalls(old), next };
      }
      const page = await customerPage(cutoff, cursor, customerBatch);
      const old = page.filter((c) => c.old);
      if (old.length > 0) await store.commit(anonymiseCustomers(old, at));
      const last = page.at(-1);
      return { done: { ...noCounts(), customers: old.length }, next: last && page.length === customerBatch ? { phase: 'customers', key: last.key, rowid: last.rid } : null };
    },
  };
}
