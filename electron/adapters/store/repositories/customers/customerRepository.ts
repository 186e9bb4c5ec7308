// Customer records in the store: `customers` and `customer_numbers` (migration 001), searched through
// customers_fts (migration 003). A save replaces the record and its numbers and writes its audit
// row in one commit, so a failed save leaves nothing half-written (S-6 audit, no partial records).
import type { AuditEntry } from '../../../../core/audit/ports';
import type { CustomerCallRow, CustomerRepository, StoredCustomer } from '../../../../core/customers/ports';
import { numberForms } from '../../../../../shared/domain/customerNumberAccess';
import { auditInsertStatement } from '../audit/auditLogRepository';
import { searchCustomers } from '../fullTextSearch';
import type { Row, SqlStatement, Store } from '../../engine/store';

/**
 * Statuses that close an S-4 handoff or an S-5 complaint; anything else counts as open. Kept here in
 * one place because those features name their statuses; a complaint with resolved_at set is closed.
 */
export const closedStatuses = ['closed', 'done', 'resolved', 'cancelled', 'withdrawn'] as const;
const closedList = closedStatuses.map((s) => `'${s}'`).join(', ');

const upsertCustomerSql = `INSERT INTO customers (id, name, organisation, tags_json, consent, consent_at, notes, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, organisation = excluded.organisation, tags_json = excluded.tags_json,
    consent = excluded.consent, consent_at = excluded.consent_at, notes = excluded.notes, updated_at = excluded.updated_at`;

export function createCustomerStoreRepository(store: Pick<Store, 'query' | 'commit'>): CustomerRepository {
  return {
    async load(id) {
      const [row] = await store.query('SELECT * FROM customers WHERE id = ?', [id]);
      if (!row) return null;
      // rowid keeps the order the numbers were entered in (a save re-inserts them in that order).
      const numbers = await store.query('SELECT number, label FROM customer_numbers WHERE customer_id = ? ORDER BY rowid', [id]);
      return {
        id: String(row.id),
        name: String(row.name),
        organisation: textOrNull(row.organisation),
        tags: parseTags(row.tags_json),
        consent: Number(row.consent) === 1,
        consentAt: row.consent_at === null ? null : Number(row.consent_at),
        notes: String(row.notes),
        numbers: numbers.map((n) => ({ number: String(n.number), label: textOrNull(n.label) })),
        createdAt: Number(row.created_at),
        updatedAt: Number(row.updated_at),
      };
    },

    async idsByNumber(forms, limit) {
      if (forms.length === 0) return [];
      const rows = await store.query(
        `SELECT DISTINCT c.id, c.name FROM customer_numbers n JOIN customers c ON c.id = n.customer_id
          WHERE n.number IN (${forms.map(() => '?').join(', ')}) ORDER BY c.name, c.id LIMIT ?`,
        [...forms, limit],
      );
      return rows.map((r) => String(r.id));
    },

    async search(query, limit) {
      return (await searchCustomers(store, query, limit)).map((hit) => hit.id);
    },

    async openCounts(customerId) {
      const [h] = await store.query(`SELECT count(*) AS n FROM handoffs WHERE customer_id = ? AND status NOT IN (${closedList})`, [customerId]);
      const [c] = await store.query(
        `SELECT count(*) AS n FROM complaints WHERE customer_id = ? AND resolved_at IS NULL AND status NOT IN (${closedList})`,
        [customerId],
      );
      return { handoffs: Number(h?.n ?? 0), complaints: Number(c?.n ?? 0) };
    },

    async calls(customer, limit, before) {
      const numbers = [...new Set(customer.numbers.flatMap((n) => numberForms(n.number)))];
      if (numbers.length === 0) return { rows: [], next: null };
      // Through the remote_number index; customer_id has none, and every linked call was linked
      // because its number was the customer's (see CustomerService), so the number finds it.
      // S-6: an unlinked call whose caller ID was not verified could be anyone's: not in the history.
      const params: Array<string | number> = [...numbers, customer.id];
      let page = '';
      if (before) {
        page = 'AND (started_at < ? OR (started_at = ? AND rowid < ?))';
        params.push(before.startedAt, before.startedAt, before.rowid);
      }
      const rows = await store.query(
        `SELECT rowid AS rid, id, direction, remote_number, agent_id, outcome, started_at, talk_ms, category, disposition, notes
           FROM calls
          WHERE remote_number IN (${numbers.map(() => '?').join(', ')}) AND ((customer_id IS NULL AND coalesce(caller_id_verified, 1) = 1) OR customer_id = ?) ${page}
          ORDER BY started_at DESC, rowid DESC LIMIT ?`,
        [...params, limit + 1],
      );
      const pageRows = rows.slice(0, limit);
      const last = pageRows.at(-1);
      return {
        rows: pageRows.map(toCallRow),
        next: rows.length > limit && last ? { startedAt: Number(last.started_at), rowid: Number(last.rid) } : null,
      };
    },

    async save(customer: StoredCustomer, audit: AuditEntry) {
      const statements: SqlStatement[] = [
        {
          sql: upsertCustomerSql,
          params: [
            customer.id,
            customer.name,
            customer.organisation,
            JSON.stringify(customer.tags),
            customer.consent ? 1 : 0,
            customer.consentAt,
            customer.notes,
            customer.createdAt,
            customer.updatedAt,
          ],
        },
        { sql: 'DELETE FROM customer_numbers WHERE customer_id = ?', params: [customer.id] },
        ...customer.numbers.map((n) => ({
          sql: 'INSERT INTO customer_numbers (customer_id, number, label) VALUES (?, ?, ?)',
          params: [customer.id, n.number, n.label],
        })),
        auditInsertStatement(audit),
      ];
      await store.commit(statements);
    },

    async linkCall(callId, customerId, audit) {
      await store.commit([{ sql: 'UPDATE calls SET customer_id = ? WHERE id = ?', params: [customerId, callId] }, auditInsertStatement(audit)]);
    },
  };
}

function toCallRow(r: Row): CustomerCallRow {
  return {
    callId: String(r.id),
    direction: r.direction === 'outbound' ? 'outbound' : 'inbound',
    remoteNumber: String(r.remote_number),
    agentId: String(r.agent_id),
    outcome: String(r.outcome),
    startedAt: Number(r.started_at),
    talkMs: Number(r.talk_ms ?? 0),
    category: textOrNull(r.category),
    disposition: textOrNull(r.disposition),
    notes: String(r.notes ?? ''),
  };
}

function parseTags(value: Row[string] | undefined): string[] {
  try {
    const parsed: unknown = JSON.parse(String(value ?? '[]'));
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

const textOrNull = (value: Row[string] | undefined): string | null => (value === null || value === undefined ? null : String(value));
