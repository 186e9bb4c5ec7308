// The call search behind the "Search calls" box: full text over notes (calls_fts) and over the
// customer a call belongs to (customers_fts → calls.customer_id), Chinese and English alike, plus
// filters, in pages. Every value is a bound parameter; only fixed SQL fragments are joined.
// S-6: for a viewer who sees numbers masked, the caller's number and display name (calls_fts.party)
// are never searched by prefix or fragment: only the notes are, and a number by the whole number.
import type { CallOutcome } from '../../../../../shared/domain/callRecord';
import { numberQueryForms } from '../../../../../shared/domain/customerNumberAccess';
import { matchExpression } from '../../../../../shared/domain/searchTokens';
import type { CallSearchCriteria, CallSearchHit, CallSearchOptionsFound, CallSearchRepository } from '../../../../core/callSearch/ports';
import { loadCallsForExport } from '../callLog/callExportQueries';
import type { Row, Store } from '../../engine/store';

type Param = string | number | null;

const customerHitsSql = 'SELECT k.id FROM customers_fts f JOIN customers k ON k.rowid = f.docid WHERE f.body MATCH ?';

/**
 * WHERE clause and parameters for the criteria. A text query that has nothing searchable in it
 * matches no call (the contract refuses such text before it gets here). `customersMatch` says
 * whether any customer matches the text: only then is the customer branch added, because finding
 * calls by customer_id reads the whole calls table (there is no index on customer_id yet).
 */
function whereClause(criteria: CallSearchCriteria, customersMatch: boolean): { sql: string; params: Param[] } {
  const conditions: string[] = [];
  const params: Param[] = [];
  if (criteria.text !== undefined) {
    const expression = matchExpression(criteria.text);
    if (expression === null) return { sql: 'WHERE 0', params: [] };
    // One set of matching rowids, built once: the text hits, plus the calls of every matching
    // customer, plus (masked viewers) the calls with exactly this number. (An OR of them would
    // make SQLite test every call against each.)
    const branches: string[] = [];
    if (criteria.numbersExactOnly) {
      // `body MATCH` keeps the whole expression to the notes column (FTS4 column match).
      branches.push('SELECT docid FROM calls_fts WHERE body MATCH ?');
      params.push(expression);
      const forms = numberQueryForms(criteria.text);
      if (forms.length > 0) {
        branches.push(`SELECT x.rowid FROM calls x WHERE x.remote_number IN (${forms.map(() => '?').join(', ')})`);
        params.push(...forms);
      }
    } else {
      branches.push('SELECT docid FROM calls_fts WHERE calls_fts MATCH ?');
      params.push(expression);
    }
    if (customersMatch) {
      branches.push(`SELECT x.rowid FROM calls x WHERE x.customer_id IN (${customerHitsSql})`);
      params.push(expression);
    }
    conditions.push(`c.rowid IN (${branches.join(' UNION ')})`);
  }
  if (criteria.fromWall !== undefined) {
    conditions.push('c.started_at >= ?');
    params.push(criteria.fromWall);
  }
  if (criteria.toWallExclusive !== undefined) {
    conditions.push('c.started_at < ?');
    params.push(criteria.toWallExclusive);
  }
  const equal = [
    ['c.agent_id', criteria.agentId],
    ['c.category', criteria.category],
    ['c.disposition', criteria.disposition],
    ['c.direction', criteria.direction],
  ] as const;
  for (const [column, value] of equal) {
    if (value === undefined) continue;
    conditions.push(`${column} = ?`);
    params.push(value);
  }
  return { sql: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export async function searchCallPage(
  store: Pick<Store, 'query'>,
  criteria: CallSearchCriteria,
  limit: number,
  offset: number,
): Promise<{ hits: CallSearchHit[]; total: number }> {
  const expression = criteria.text === undefined ? null : matchExpression(criteria.text);
  const customersMatch = expression !== null && (await store.query(`${customerHitsSql} LIMIT 1`, [expression])).length > 0;
  const where = whereClause(criteria, customersMatch);
  const [countRow] = await store.query(`SELECT count(*) AS n FROM calls c ${where.sql}`, where.params);
  const total = Number(countRow?.n ?? 0);
  if (total === 0 || offset >= total) return { hits: [], total };
  // Newest first; rowid breaks ties between calls that started in the same millisecond so that
  // paging is stable (a row never shows on two pages).
  const rows = await store.query(
    `SELECT c.id, c.agent_id, c.direction, c.remote_number, c.remote_name, c.started_at, c.outcome, c.category, c.disposition, c.notes
       FROM calls c ${where.sql} ORDER BY c.started_at DESC, c.rowid DESC LIMIT ? OFFSET ?`,
    [...where.params, limit, offset],
  );
  return { hits: rows.map(toHit), total };
}

/** Agents, categories and dispositions that occur on stored calls (for the filter lists). */
export async function callSearchOptionsInUse(store: Pick<Store, 'query'>): Promise<CallSearchOptionsFound> {
  const distinct = async (column: string) =>
    (await store.query(`SELECT DISTINCT ${column} AS v FROM calls WHERE ${column} IS NOT NULL ORDER BY ${column}`)).map((r) => String(r.v));
  return { agents: await distinct('agent_id'), categories: await distinct('category'), dispositions: await distinct('disposition') };
}

/** The store-backed repository (the audit rows go through the core's audit port). */
export function createCallSearchStoreRepository(store: Pick<Store, 'query'>): CallSearchRepository {
  return {
    search: (criteria, limit, offset) => searchCallPage(store, criteria, limit, offset),
    optionsInUse: () => callSearchOptionsInUse(store),
    countForExport: async (range) => {
      const [row] = await store.query('SELECT count(*) AS n FROM calls WHERE started_at >= ? AND started_at < ?', [range.fromWall, range.toWallExclusive]);
      return Number(row?.n ?? 0);
    },
    loadForExport: (range) => loadCallsForExport((sql, params) => store.query(sql, params), range),
  };
}

const textOrNull = (value: Row[string] | undefined): string | null => (value === null || value === undefined ? null : String(value));

function toHit(r: Row): CallSearchHit {
  return {
    callId: String(r.id),
    agentId: String(r.agent_id),
    direction: r.direction === 'outbound' ? 'outbound' : 'inbound',
    remoteNumber: String(r.remote_number),
    remoteName: textOrNull(r.remote_name),
    startedAt: Number(r.started_at),
    // The table's CHECK constraint admits only these values (migration 001).
    outcome: String(r.outcome) as CallOutcome,
    category: textOrNull(r.category),
    disposition: textOrNull(r.disposition),
    notes: String(r.notes),
  };
}
