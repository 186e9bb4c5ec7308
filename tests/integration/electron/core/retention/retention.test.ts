// S-6 retention through a whole core over the real store: an admin sets the period, previews, runs;
// the run removes what the preview counted and the search no longer finds it; the audit log holds
// every step with counts and never the removed data; other roles and bad input are refused with a
// clear error and change nothing; the daily run fires on the (fake) clock.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../electron/adapters/store/engine/store';
import { searchCalls, searchCustomers } from '../../../../../electron/adapters/store/repositories/fullTextSearch';
import type { Core } from '../../../../../electron/core/createCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { firstDailyRunAfterMs } from '../../../../../electron/core/retention/retentionService';
import type { Envelope } from '../../../../../shared/contract/envelope';
import type { RetentionPreview, RetentionRun, RetentionStatus } from '../../../../../shared/contract/retention';
import { roles } from '../../../../../shared/contract/roles';
import { createTestCore } from '../../../../support/core/testCore';
import { insertCall } from '../../../../support/database/callRows';
import { FakeClock } from '../../../../support/fakeClock';
import { MemorySettings, silentLogger } from '../../../../support/softphone/softphoneFixtures';
import { tempDataDir } from '../../../../support/webHost';

const admin: CallerContext = { role: 'admin', userId: 'ada' };
const day = 24 * 60 * 60_000;

let clock: FakeClock;
let settings: MemorySettings;
let store: Store;
let core: Core;

beforeEach(async () => {
  clock = new FakeClock();
  settings = new MemorySettings();
  store = await openStore({ dataDir: tempDataDir('deskline-retention-core-') });
  core = await createTestCore({
    clock,
    settings,
    store,
    agentStates: { load: async () => null, save: async () => undefined },
    logger: silentLogger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'admin', userId: 'ada' },
  });
  const now = clock.wallNow();
  await store.commit([
    insertCall({ id: 'old', agentId: 'agent-1', startedAt: now - 400 * day, remoteName: '王小明', notes: '客户要求退款 refund please' }),
    insertCall({ id: 'recent', agentId: 'agent-1', startedAt: now - 10 * day, notes: '退款已到账 refund done' }),
    { sql: "INSERT INTO customers (id, name, notes, created_at, updated_at) VALUES ('k-old', 'Alice Zhang', '喜欢邮件', ?, ?)", params: [now - 500 * day, now - 500 * day] },
    { sql: "INSERT INTO customers (id, name, notes, created_at, updated_at) VALUES ('k-new', 'Bob Li', '', ?, ?)", params: [now - day, now - day] },
  ]);
});
afterEach(async () => {
  await core.close();
  await store.close();
});

async function ok<T>(reply: Promise<Envelope<unknown>>): Promise<T> {
  const envelope = await reply;
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}
const audit = () => store.query("SELECT actor_id, action, detail_json FROM audit_log WHERE action LIKE 'retention.%' ORDER BY id");
const ids = (hits: Array<{ id: string }>) => hits.map((h) => h.id).sort();

describe('retention through the contract (S-6)', () => {
  it('sets the period, previews, runs exactly what was previewed, and audits each step with counts only', async () => {
    expect(await ok<RetentionStatus>(core.dispatch('getRetentionSettings', {}, admin))).toEqual({ months: null, lastRun: null, running: false });
    await ok(core.dispatch('saveRetentionSettings', { months: 12 }, admin));
    const preview = await ok<RetentionPreview>(core.dispatch('previewRetention', {}, admin));
    expect(preview.counts).toEqual({ customers: 1, calls: 1, callNotes: 1, noteRevisions: 0 });
    const run = await ok<RetentionRun>(core.dispatch('runRetention', { previewId: preview.previewId }, admin));
    expect(run.done).toEqual(preview.counts);

    expect(ids(await searchCalls(store, 'refund'))).toEqual(['recent']);
    expect(ids(await searchCustomers(store, 'Alice'))).toEqual([]);
    expect(ids(await searchCustomers(store, 'Bob'))).toEqual(['k-new']);

    const rows = await audit();
    expect(rows.map((r) => [r.actor_id, r.action])).toEqual([
      ['ada', 'retention.settings'],
      ['ada', 'retention.preview'],
      ['ada', 'retention.start'],
      ['ada', 'retention.run'],
    ]);
    expect(JSON.parse(String(rows[3]!.detail_json))).toMatchObject({ trigger: 'manual', months: 12, customers: 1, calls: 1, callNotes: 1 });
    const logged = rows.map((r) => String(r.detail_json)).join(' ');
    for (const removed of ['退款', 'refund', '王小明', 'Alice', '喜欢邮件', 'k-old']) expect(logged).not.toContain(removed);
  });

  it('refuses every method to every role but admin, in the main process', async () => {
    for (const role of roles.filter((r) => r !== 'admin')) {
      const caller = { role, userId: 'someone' };
      for (const [method, payload] of [['getRetentionSettings', {}], ['saveRetentionSettings', { months: 1 }], ['previewRetention', {}], ['runRetention', { previewId: 'x' }]] as const) {
        expect(await core.dispatch(method, payload, caller), `${method} as ${role}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(settings.values.has('retention')).toBe(false);
    expect(await audit()).toEqual([]);
  });

  it('refuses negative, zero, fractional and huge periods with a clear error, and keeps the period it had', async () => {
    await ok(core.dispatch('saveRetentionSettings', { months: 6 }, admin));
    const refused = async (months: unknown) => {
      const reply = await core.dispatch('saveRetentionSettings', { months }, admin);
      expect(reply.ok, `months ${String(months)}`).toBe(false);
      return reply.ok ? '' : `${reply.error.code}: ${reply.error.message}`;
    };
    expect(await refused(-1)).toMatch(/^VALIDATION: .*at least 1 month/);
    expect(await refused(0)).toMatch(/^VALIDATION: .*at least 1 month/);
    expect(await refused(121)).toMatch(/^VALIDATION: .*at most 120 months/);
    expect(await refused(1e9)).toMatch(/^VALIDATION: .*at most 120 months/);
    expect(await refused(1.5)).toMatch(/^VALIDATION: .*whole number/);
    expect(await refused('6')).toMatch(/^VALIDATION/);
    expect(await ok<RetentionStatus>(core.dispatch('getRetentionSettings', {}, admin))).toMatchObject({ months: 6 });
    expect((await audit()).length).toBe(1);
  });

  it('refuses a run without a preview, and a preview while retention is off, changing nothing', async () => {
    expect(await core.dispatch('previewRetention', {}, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Retention is off') as unknown } });
    await ok(core.dispatch('saveRetentionSettings', { months: 12 }, admin));
    expect(await core.dispatch('runRetention', { previewId: 'not-a-preview' }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(ids(await searchCalls(store, 'refund'))).toEqual(['old', 'recent']);
  });

  it('runs daily on the clock once a period is set, as the system, and audits it', async () => {
    await ok(core.dispatch('saveRetentionSettings', { months: 12 }, admin));
    clock.advance(firstDailyRunAfterMs);
    await expect.poll(async () => (await audit()).map((r) => r.action), { timeout: 10_000 }).toContain('retention.run');
    expect(ids(await searchCalls(store, 'refund'))).toEqual(['recent']);
    const run = (await audit()).at(-1)!;
    expect(run.actor_id).toBe('system:retention');
    expect(JSON.parse(String(run.detail_json))).toMatchObject({ trigger: 'daily', calls: 1, customers: 1 });
    expect(await ok<RetentionStatus>(core.dispatch('getRetentionSettings', {}, admin))).toMatchObject({ lastRun: { trigger: 'daily' } });
  });
});
