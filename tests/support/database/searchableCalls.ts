// Seeds a store with calls for the search and export tests: Chinese and English notes, categories,
// dispositions, both directions, two agents, two days, and calls linked to customers. Times are
// local (new Date(y, m, d, h)) so "2026-11-02" means the same calls in any time zone.
import type { SqlStatement, Store } from '../../../electron/adapters/store/engine/store';

export interface SearchableCall {
  id: string;
  agentId: string;
  direction: 'inbound' | 'outbound';
  remoteNumber: string;
  startedAt: number;
  category: string | null;
  disposition: string | null;
  customerId: string | null;
  notes: string;
}

export const localTime = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).getTime();

/** Nine hand-written calls on 2 and 3 November 2026 (local time). */
export const searchableCalls: SearchableCall[] = [
  { id: 's1', agentId: 'a1', direction: 'inbound', remoteNumber: '13800135678', startedAt: localTime(2, 9), category: 'complaint', disposition: 'callback', customerId: null, notes: '客户要求退款，已提交退款申请，财务审核后原路退回。' },
  { id: 's2', agentId: 'a1', direction: 'inbound', remoteNumber: '13912345678', startedAt: localTime(2, 10), category: 'consultation', disposition: 'resolved', customerId: null, notes: 'Customer asked for a refund of the annual plan; explained the 7-day policy.' },
  { id: 's3', agentId: 'a2', direction: 'outbound', remoteNumber: '+8613700001111', startedAt: localTime(2, 11), category: 'repair', disposition: 'handoff', customerId: 'k1', notes: '回访：路由器已更换。' },
  { id: 's4', agentId: 'a2', direction: 'inbound', remoteNumber: '02188886666', startedAt: localTime(2, 15), category: 'complaint', disposition: 'resolved', customerId: null, notes: '退货后款项未到账' },
  { id: 's5', agentId: 'a1', direction: 'outbound', remoteNumber: '13800135678', startedAt: localTime(3, 9), category: 'consultation', disposition: 'callback', customerId: null, notes: 'Called back about the REFUND: 退款 approved, invoice reissued.' },
  { id: 's6', agentId: 'a2', direction: 'inbound', remoteNumber: '13655554444', startedAt: localTime(3, 10), category: 'praise', disposition: 'noAction', customerId: 'k2', notes: 'Thanked the team for the fast delivery.' },
  { id: 's7', agentId: 'a1', direction: 'inbound', remoteNumber: '15011112222', startedAt: localTime(3, 14), category: null, disposition: null, customerId: null, notes: '' },
  { id: 's8', agentId: 'a2', direction: 'inbound', remoteNumber: '15033334444', startedAt: localTime(3, 16), category: 'legacyBilling', disposition: 'resolved', customerId: null, notes: 'Old category from before the list was changed.' },
  { id: 's9', agentId: 'a1', direction: 'inbound', remoteNumber: '18600001234', startedAt: localTime(3, 23, 59), category: 'other', disposition: 'resolved', customerId: null, notes: '深夜来电，咨询营业时间。' },
];

export const searchableCustomers = [
  { id: 'k1', name: '王小明', organisation: '上海华东贸易有限公司', notes: 'VIP, prefers email' },
  { id: 'k2', name: 'Alice Zhang', organisation: 'Northwind Traders', notes: '常投诉配送问题' },
];

export function insertSearchableCall(c: SearchableCall): SqlStatement {
  return {
    sql: `INSERT INTO calls (id, agent_id, direction, remote_number, customer_id, outcome, started_at, answered_at, ended_at, ring_count,
            answered_within_three_rings, hold_ms, talk_ms, wrap_ms, category, disposition, notes)
          VALUES (?, ?, ?, ?, ?, 'answered', ?, ?, ?, ?, ?, 0, 60000, 15000, ?, ?, ?)`,
    params: [
      c.id, c.agentId, c.direction, c.remoteNumber, c.customerId, c.startedAt, c.startedAt + 6_000, c.startedAt + 66_000,
      c.direction === 'inbound' ? 2 : null, c.direction === 'inbound' ? 1 : null, c.category, c.disposition, c.notes,
    ],
  };
}

/** `count` extra calls with "refund" in the notes, one a minute from 4 November 08:00, for paging. */
export function refundBatch(count: number): SearchableCall[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p${String(i + 1).padStart(2, '0')}`,
    agentId: 'a3',
    direction: 'inbound' as const,
    remoteNumber: `1380000${String(1000 + i)}`,
    startedAt: localTime(4, 8, i),
    category: 'consultation',
    disposition: 'resolved',
    customerId: null,
    notes: `Refund request number ${i + 1} (退款).`,
  }));
}

export async function seedSearchableCalls(store: Store, extra: SearchableCall[] = []): Promise<void> {
  await store.commit(
    searchableCustomers.map((k) => ({
      sql: 'INSERT INTO customers (id, name, organisation, notes, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)',
      params: [k.id, k.name, k.organisation, k.notes],
    })),
  );
  await store.commit([...searchableCalls, ...extra].map(insertSearchableCall));
}
