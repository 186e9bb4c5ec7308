// S-5/S-6: changing a closed call's category or disposition (the category decides whether the call
// counts in the complaint rate) is recorded as an amendment with who, when and from what to what,
// and audited in the same commit; a change while the record is open is not an amendment.
import { afterEach, describe, expect, it } from 'vitest';
import { createCallRecordStoreRepository } from '../../../../../electron/adapters/store/repositories/callLog/callRecordRepository';
import { openStore, type Store } from '../../../../../electron/adapters/store/engine/store';
import { CallLogService } from '../../../../../electron/core/callLog/callLogService';
import { CallLogSettingsStore } from '../../../../../electron/core/callLog/callLogSettings';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { FakeClock } from '../../../../support/fakeClock';
import { insertCall } from '../../../../support/database/callRows';
import { tempDataDir } from '../../../../support/webHost';
import { MemorySettings } from '../../../../support/softphone/softphoneFixtures';

const agent: CallerContext = { role: 'agent', userId: 'li' };
const lead: CallerContext = { role: 'teamLead', userId: 'wang' };
const t0 = Date.UTC(2026, 10, 23, 1);

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function setUp(open: boolean) {
  const store = await openStore({ dataDir: tempDataDir('deskline-amend-') });
  stores.push(store);
  await store.commit([insertCall({ id: 'c1', agentId: 'li', startedAt: t0 })]);
  const clock = new FakeClock({ wallStart: t0 + 3_600_000 });
  const service = new CallLogService({
    repository: createCallRecordStoreRepository(store),
    settings: new CallLogSettingsStore(new MemorySettings()),
    clock,
    isOpen: () => open,
  });
  return { store, service, clock };
}

const amendments = (store: Store) =>
  store.query('SELECT call_id, amended_at, author_id, author_role, category_before, category_after, disposition_before, disposition_after FROM classification_amendments ORDER BY id');
const audits = (store: Store) => store.query("SELECT at, actor_id, actor_role, subject, detail_json FROM audit_log WHERE action = 'callRecord.amendClassification' ORDER BY id");

describe('classification of a closed call', () => {
  it('records each change as an amendment with who and when, audits it, and updates the complaint flag', async () => {
    const { store, service, clock } = await setUp(false);
    const first = clock.wallNow();
    await service.setClassification('c1', 'complaint', undefined, agent);
    clock.advance(60_000);
    await service.setClassification('c1', 'consultation', 'resolved', lead);
    expect(await amendments(store)).toEqual([
      { call_id: 'c1', amended_at: first, author_id: 'li', author_role: 'agent', category_before: null, category_after: 'complaint', disposition_before: null, disposition_after: null },
      { call_id: 'c1', amended_at: first + 60_000, author_id: 'wang', author_role: 'teamLead', category_before: 'complaint', category_after: 'consultation', disposition_before: null, disposition_after: 'resolved' },
    ]);
    const rows = await audits(store);
    expect(rows.map((r) => [r.at, r.actor_id, r.actor_role, r.subject])).toEqual([
      [first, 'li', 'agent', 'c1'],
      [first + 60_000, 'wang', 'teamLead', 'c1'],
    ]);
    expect(JSON.parse(String(rows[1]?.detail_json))).toEqual({ before: { category: 'complaint', disposition: null }, after: { category: 'consultation', disposition: 'resolved' } });
    expect(await store.query("SELECT category, disposition, is_complaint FROM calls WHERE id = 'c1'")).toEqual([{ category: 'consultation', disposition: 'resolved', is_complaint: 0 }]);
  });

  it('records nothing when the choice does not change', async () => {
    const { store, service } = await setUp(false);
    await service.setClassification('c1', 'complaint', undefined, agent);
    await service.setClassification('c1', 'complaint', undefined, agent);
    await service.setClassification('c1', undefined, undefined, agent);
    expect(await amendments(store)).toHaveLength(1);
    expect(await audits(store)).toHaveLength(1);
  });

  it('refuses an unknown category and leaves the call, the amendments and the audit log unchanged', async () => {
    const { store, service } = await setUp(false);
    expect(() => service.setClassification('c1', 'refunds', undefined, agent)).toThrow(/Unknown category "refunds"/);
    expect(await amendments(store)).toEqual([]);
    expect(await audits(store)).toEqual([]);
    expect(await store.query("SELECT category FROM calls WHERE id = 'c1'")).toEqual([{ category: null }]);
  });
});

describe('classification while the record is open', () => {
  it('is the agent’s own record taking shape: no amendment, no audit row', async () => {
    const { store, service } = await setUp(true);
    await service.setClassification('c1', 'complaint', 'resolved', agent);
    await service.setClassification('c1', 'repair', undefined, agent);
    expect(await amendments(store)).toEqual([]);
    expect(await audits(store)).toEqual([]);
    expect(await store.query("SELECT category, disposition FROM calls WHERE id = 'c1'")).toEqual([{ category: 'repair', disposition: 'resolved' }]);
  });
});
