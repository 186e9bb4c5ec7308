// S-6 retention in the core with a fake clock, a fake store port and an in-memory audit log: the run
// on demand needs a fresh preview and uses its cutoff; one run at a time; the daily run; every
// step audited with counts; a run cut short says so.
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLog } from '../../../../../electron/core/audit/ports';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import type { RetentionCursor, RetentionRepository } from '../../../../../electron/core/retention/ports';
import { retentionCutoff } from '../../../../../electron/core/retention/retentionCutoff';
import { dailyRunActor, dayMs, firstDailyRunAfterMs, previewLifetimeMs, RetentionService } from '../../../../../electron/core/retention/retentionService';
import { RetentionSettingsStore } from '../../../../../electron/core/retention/retentionSettings';
import { ContractError } from '../../../../../shared/contract/envelope';
import type { RetentionCounts } from '../../../../../shared/contract/retention';
import { FakeClock } from '../../../../support/fakeClock';
import { MemorySettings, silentLogger } from '../../../../support/softphone/softphoneFixtures';

const admin: CallerContext = { role: 'admin', userId: 'ada' };
const counts = (calls: number, customers = 0): RetentionCounts => ({ customers, calls, callNotes: calls, noteRevisions: calls });

/** A store port that holds `old` items and removes up to two per batch; `gate` can hold a batch back. */
class FakeRepository implements RetentionRepository {
  batches: Array<{ cutoff: number; at: number; after: RetentionCursor | null }> = [];
  gate: Promise<void> | null = null;
  failOnBatch: number | null = null;
  constructor(public old: number) {}
  count = async () => counts(this.old);
  runBatch = async (cutoff: number, at: number, after: RetentionCursor | null) => {
    this.batches.push({ cutoff, at, after });
    if (this.gate) await this.gate;
    if (this.failOnBatch === this.batches.length) throw new Error('disk full');
    const n = Math.min(2, this.old);
    this.old -= n;
    return { done: counts(n), next: this.old > 0 ? { phase: 'calls' as const, key: 0, rowid: this.batches.length } : null };
  };
}

class MemoryAudit implements AuditLog {
  entries: AuditEntry[] = [];
  record = async (entry: AuditEntry) => void this.entries.push(entry);
  actions = () => this.entries.map((e) => e.action);
}

function setUp(old = 5, months: number | null = 6) {
  const clock = new FakeClock();
  const settings = new MemorySettings();
  if (months !== null) settings.set('retention', { months });
  const repository = new FakeRepository(old);
  const audit = new MemoryAudit();
  const service = new RetentionService({ repository, audit, clock, settings: new RetentionSettingsStore(settings), logger: silentLogger });
  return { clock, repository, audit, service, settings };
}

const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};
const conflict = (message: RegExp) => expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(message) as unknown }) as unknown;

describe('a run on demand (S-6)', () => {
  it('runs with the preview\'s cutoff, removes what the preview counted, and audits preview, start and run with counts', async () => {
    const { clock, repository, audit, service } = setUp(5);
    const preview = await service.dryRun(admin);
    expect(preview).toMatchObject({ months: 6, cutoff: retentionCutoff(clock.wallNow(), 6), counts: counts(5) });
    clock.advance(5 * 60_000); // the admin reads the counts first
    const run = await service.runNow(preview.previewId, admin);
    expect(repository.batches.map((b) => b.cutoff)).toEqual([preview.cutoff, preview.cutoff, preview.cutoff]);
    expect(run).toMatchObject({ trigger: 'manual', cutoff: preview.cutoff, done: preview.counts, failure: null });
    expect(audit.actions()).toEqual(['retention.preview', 'retention.start', 'retention.run']);
    expect(audit.entries.every((e) => e.actorId === 'ada' && e.actorRole === 'admin')).toBe(true);
    expect(audit.entries[2]!.detail).toEqual({ trigger: 'manual', months: 6, cutoff: preview.cutoff, ...counts(5), failure: null });
    expect(service.status().lastRun).toEqual(run);
  });

  it('refuses a run without a preview, with a stale one, with one used already, or after the period changed', async () => {
    const { clock, service, repository } = setUp(5);
    await expect(service.runNow('made-up', admin)).rejects.toEqual(conflict(/Preview retention first/));
    const stale = await service.dryRun(admin);
    clock.advance(previewLifetimeMs + 1);
    await expect(service.runNow(stale.previewId, admin)).rejects.toEqual(conflict(/more than 15 minutes old/));
    const changed = await service.dryRun(admin);
    await service.save({ months: 12 }, admin);
    await expect(service.runNow(changed.previewId, admin)).rejects.toEqual(conflict(/Preview retention first/));
    const used = await service.dryRun(admin);
    await service.runNow(used.previewId, admin);
    await expect(service.runNow(used.previewId, admin)).rejects.toEqual(conflict(/Preview retention first/));
    expect(repository.batches.length).toBe(3); // only the one run ran
  });

  it('refuses a preview while retention is off', async () => {
    const { service, audit } = setUp(5, null);
    await expect(service.dryRun(admin)).rejects.toEqual(conflict(/Retention is off/));
    expect(audit.entries).toEqual([]);
  });

  it('runs one at a time: a second run, or the daily run, while one is going is refused or skipped', async () => {
    const { clock, repository, service } = setUp(5);
    let open!: () => void;
    repository.gate = new Promise((resolve) => (open = resolve));
    const first = service.runNow((await service.dryRun(admin)).previewId, admin);
    await flush();
    expect(service.status().running).toBe(true);
    await expect(service.runNow((await service.dryRun(admin)).previewId, admin)).rejects.toEqual(conflict(/already in progress/));
    service.start();
    clock.advance(firstDailyRunAfterMs);
    await flush();
    open();
    repository.gate = null;
    await first;
    expect(repository.batches.length).toBe(3); // the first run's batches only
    expect(service.status().running).toBe(false);
    await service.close();
  });

  it('reports and audits a run cut short, with what was done until then', async () => {
    const { repository, audit, service } = setUp(5);
    repository.failOnBatch = 2;
    const run = await service.runNow((await service.dryRun(admin)).previewId, admin);
    expect(run).toMatchObject({ done: counts(2), failure: 'disk full' });
    expect(audit.entries.at(-1)).toMatchObject({ action: 'retention.run', detail: { ...counts(2), failure: 'disk full' } });
    expect(service.status().running).toBe(false);
  });
});

describe('the daily run (S-6)', () => {
  it('runs soon after start and then every 24 hours, as the system, with the cutoff of that moment', async () => {
    const { clock, repository, audit, service } = setUp(3);
    service.start();
    clock.advance(firstDailyRunAfterMs - 1);
    await flush();
    expect(repository.batches).toEqual([]);
    clock.advance(1);
    await flush();
    expect(repository.batches.map((b) => b.cutoff)).toEqual([retentionCutoff(clock.wallNow(), 6), retentionCutoff(clock.wallNow(), 6)]);
    expect(audit.entries.map((e) => [e.action, e.actorId, e.detail?.trigger])).toEqual([
      ['retention.start', dailyRunActor.userId, 'daily'],
      ['retention.run', dailyRunActor.userId, 'daily'],
    ]);
    repository.old = 1; // more became old during the day
    clock.advance(dayMs);
    await flush();
    expect(repository.batches.length).toBe(3);
    expect(repository.batches[2]!.cutoff).toBe(retentionCutoff(clock.wallNow(), 6));
    expect(service.status().lastRun).toMatchObject({ trigger: 'daily', done: counts(1) });
    await service.close();
    expect(clock.pendingTimerCount()).toBe(0);
  });

  it('does nothing, and audits nothing, while retention is off, and starts once it is set', async () => {
    const { clock, repository, audit, service } = setUp(3, null);
    service.start();
    clock.advance(firstDailyRunAfterMs + dayMs);
    await flush();
    expect(repository.batches).toEqual([]);
    expect(audit.entries).toEqual([]);
    await service.save({ months: 1 }, admin);
    clock.advance(dayMs);
    await flush();
    expect(repository.batches.length).toBe(2);
    await service.close();
  });
});

describe('the retention period (S-6)', () => {
  it('is off by default, and each change is audited with before and after', async () => {
    const { audit, service } = setUp(0, null);
    expect(service.status()).toEqual({ months: null, lastRun: null, running: false });
    await service.save({ months: 24 }, admin);
    await service.save({ months: null }, admin);
    expect(audit.entries.map((e) => [e.action, e.detail])).toEqual([
      ['retention.settings', { monthsBefore: null, monthsAfter: 24 }],
      ['retention.settings', { monthsBefore: 24, monthsAfter: null }],
    ]);
  });

  it('falls back to off when the settings file holds a value out of range', () => {
    const { service, settings } = setUp(0, null);
    settings.set('retention', { months: -3 });
    expect(new RetentionSettingsStore(settings).get()).toEqual({ months: null });
    expect(service.status().months).toBe(null);
  });

  it('answers refusals as contract errors (the dispatcher turns them into envelopes)', async () => {
    const { service } = setUp(0, null);
    await expect(service.dryRun(admin)).rejects.toBeInstanceOf(ContractError);
  });
});
