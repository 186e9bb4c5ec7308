// Full-text search of notes and customers through the real store (sql.js FTS4): Chinese terms are
// found although FTS4 cannot split Chinese itself, English terms by word prefix, and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../../electron/adapters/store/engine/store';
import { searchCalls, searchCustomers } from '../../../../../../electron/adapters/store/repositories/fullTextSearch';
import { insertCall } from '../../../../../support/database/callRows';
import { tempDataDir } from '../../../../../support/webHost';

const notes: Record<string, string> = {
  c1: '客户要求退款，已提交退款申请，财务审核后原路退回。',
  c2: '客户反映订单配送延迟，已催促物流。Customer asked for the tracking number.',
  c3: 'Caller reported the router drops the connection every evening; escalated to tier 2.',
  c4: '发票抬头需要更改为公司名称，invoice will be reissued.',
  c5: '退货后款项未到账', // has 退 and 款 but not the word 退款
};

let store: Store;

beforeAll(async () => {
  store = await openStore({ dataDir: tempDataDir('deskline-search-') });
  const base = Date.UTC(2026, 10, 2, 2, 0, 0);
  await store.commit(Object.entries(notes).map(([id, text], i) => insertCall({ id, agentId: 'a1', startedAt: base + i * 60_000, notes: text })));
  await store.commit([
    { sql: "INSERT INTO customers (id, name, organisation, notes, created_at, updated_at) VALUES ('k1', '王小明', '上海华东贸易有限公司', 'VIP, prefers email', 0, 0)" },
    { sql: "INSERT INTO customers (id, name, organisation, notes, created_at, updated_at) VALUES ('k2', 'Alice Zhang', 'Northwind Traders', '常投诉配送问题', 0, 0)" },
  ]);
});
afterAll(() => store.close());

const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id).sort();

describe('searching call notes', () => {
  it('finds a Chinese word wherever it appears, and not where its characters are apart', async () => {
    expect(ids(await searchCalls(store, '退款'))).toEqual(['c1']);
  });
  it('finds a longer Chinese phrase only where it is contiguous', async () => {
    expect(ids(await searchCalls(store, '配送延迟'))).toEqual(['c2']);
    expect(ids(await searchCalls(store, '延迟配送'))).toEqual([]);
  });
  it('finds English words case-insensitively and by prefix', async () => {
    expect(ids(await searchCalls(store, 'ROUTER'))).toEqual(['c3']);
    expect(ids(await searchCalls(store, 'invo'))).toEqual(['c4']);
  });
  it('requires every term of a mixed query', async () => {
    expect(ids(await searchCalls(store, '发票 invoice'))).toEqual(['c4']);
    expect(ids(await searchCalls(store, '发票 router'))).toEqual([]);
  });
  it('sees a note edit immediately (the index follows updates)', async () => {
    await store.commit([{ sql: "UPDATE calls SET notes = '客户确认不再需要退款' WHERE id = 'c3'" }]);
    expect(ids(await searchCalls(store, '退款'))).toEqual(['c1', 'c3']);
    expect(ids(await searchCalls(store, 'router'))).toEqual([]);
  });
  it('finds nothing, rather than everything, for an empty query', async () => {
    expect(await searchCalls(store, '  ')).toEqual([]);
  });
});

describe('searching customers', () => {
  it('finds by Chinese name, organisation and notes, and by English name', async () => {
    expect(ids(await searchCustomers(store, '小明'))).toEqual(['k1']);
    expect(ids(await searchCustomers(store, '华东贸易'))).toEqual(['k1']);
    expect(ids(await searchCustomers(store, '投诉'))).toEqual(['k2']);
    expect(ids(await searchCustomers(store, 'northwind'))).toEqual(['k2']);
  });
});
