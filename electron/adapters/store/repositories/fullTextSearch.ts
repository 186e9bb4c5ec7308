// Full-text search over call notes and customers, Chinese and English alike: the query goes through
// the same tokenizer as the index (shared/domain/searchTokens.ts) and FTS4 does the matching.
import { matchExpression } from '../../../../shared/domain/searchTokens';
import type { Row, Store } from '../engine/store';

export interface CallHit {
  id: string;
  agentId: string;
  remoteNumber: string;
  startedAt: number;
  notes: string;
}

/**
 * Newest calls first (rowid order is the order calls were written, i.e. when they started, and FTS4
 * can walk its doclist backwards instead of sorting every match). An empty or punctuation-only
 * query finds nothing rather than everything.
 */
export async function searchCalls(store: Pick<Store, 'query'>, query: string, limit = 50): Promise<CallHit[]> {
  const expression = matchExpression(query);
  if (!expression) return [];
  const rows = await store.query(
    `SELECT c.id, c.agent_id, c.remote_number, c.started_at, c.notes
       FROM calls_fts JOIN calls c ON c.rowid = calls_fts.docid
      WHERE calls_fts MATCH ? ORDER BY calls_fts.docid DESC LIMIT ?`,
    [expression, limit],
  );
  return rows.map(toCallHit);
}

export async function searchCustomers(store: Pick<Store, 'query'>, query: string, limit = 50): Promise<Array<{ id: string; name: string }>> {
  const expression = matchExpression(query);
  if (!expression) return [];
  const rows = await store.query(
    `SELECT c.id, c.name FROM customers_fts f JOIN customers c ON c.rowid = f.docid WHERE f.body MATCH ? ORDER BY c.name LIMIT ?`,
    [expression, limit],
  );
  return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
}

function toCallHit(r: Row): CallHit {
  return { id: String(r.id), agentId: String(r.agent_id), remoteNumber: String(r.remote_number), startedAt: Number(r.started_at), notes: String(r.notes) };
}
