// S-6 retention: customer data and notes whose last activity is older than the set number of months
// are anonymised or deleted, daily and on demand. A run on demand must follow a dry run (its
// preview), and uses that preview's cutoff, so it removes what the admin was shown. One run at a
// time; every run, preview and change of the period is audited, with counts, never the data.
import { randomUUID } from 'node:crypto';
import { ContractError } from '../../../shared/contract/envelope';
import type { RetentionCounts, RetentionPreview, RetentionRun, RetentionSettings, RetentionStatus } from '../../../shared/contract/retention';
import type { Clock, TimerHandle } from '../../../shared/domain/clock';
import { auditEntry, type AuditLog } from '../audit';
import type { CallerContext } from '../kernel/caller';
import type { Logger } from '../kernel/platformPorts';
import type { SettingsSection } from '../kernel/settingsSection';
import { retentionCutoff } from './retentionCutoff';
import type { RetentionCursor, RetentionRepository } from './ports';

export interface RetentionServiceDeps {
  repository: RetentionRepository;
  audit: AuditLog;
  clock: Clock;
  settings: SettingsSection<RetentionSettings>;
  logger: Logger;
}

/** The daily run is the system's, under the setting an admin made: audited as this actor. */
export const dailyRunActor: CallerContext = { role: 'admin', userId: 'system:retention' };
export const dayMs = 24 * 60 * 60_000;
/** The first daily run comes this long after start (a desk restarted every morning still runs it). */
export const firstDailyRunAfterMs = 10 * 60_000;
/** How long a preview may be run (monotonic ms): an older count no longer says what a run does. */
export const previewLifetimeMs = 15 * 60_000;

interface PendingPreview {
  id: string;
  months: number;
  cutoff: number;
  counts: RetentionCounts;
  madeAtMonotonic: number;
}

const noCounts = (): RetentionCounts => ({ customers: 0, calls: 0, callNotes: 0, noteRevisions: 0 });
const addCounts = (a: RetentionCounts, b: RetentionCounts): RetentionCounts => ({
  customers: a.customers + b.customers,
  calls: a.calls + b.calls,
  callNotes: a.callNotes + b.callNotes,
  noteRevisions: a.noteRevisions + b.noteRevisions,
});

export class RetentionService {
  private preview: PendingPreview | null = null;
  private running: Promise<RetentionRun> | null = null;
  private lastRun: RetentionRun | null = null;
  private timer: TimerHandle | null = null;
  private closed = false;

  constructor(private readonly deps: RetentionServiceDeps) {}

  /** Starts the daily schedule (it does nothing while retention is off). */
  start(): void {
    this.schedule(firstDailyRunAfterMs);
  }

  close(): Promise<void> {
    this.closed = true;
    if (this.timer !== null) this.deps.clock.clearTimer(this.timer);
    this.timer = null;
    // A batch in flight finishes (each is one commit) before the host closes the store.
    return this.running ? this.running.then(() => undefined, () => undefined) : Promise.resolve();
  }

  status(): RetentionStatus {
    return { ...this.deps.settings.get(), lastRun: this.lastRun, running: this.running !== null };
  }

  async save(next: RetentionSettings, caller: CallerContext): Promise<RetentionStatus> {
    const before = this.deps.settings.get().months;
    await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'retention.settings', null, { monthsBefore: before, monthsAfter: next.months }));
    this.deps.settings.save(next);
    if (before !== next.months) this.preview = null; // counted under the old period
    return this.status();
  }

  async dryRun(caller: CallerContext): Promise<RetentionPreview> {
    const months = this.requireMonths();
    const now = this.deps.clock.wallNow();
    const cutoff = retentionCutoff(now, months);
    const counts = await this.deps.repository.count(cutoff);
    const preview: PendingPreview = { id: randomUUID(), months, cutoff, counts, madeAtMonotonic: this.deps.clock.monotonicNow() };
    await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'retention.preview', null, { months, cutoff, ...counts }));
    this.preview = preview;
    return { previewId: preview.id, months, cutoff, previewedAt: now, expiresAt: now + previewLifetimeMs, counts };
  }

  /** A run on demand: only with the latest preview, within its lifetime, once. */
  async runNow(previewId: string, caller: CallerContext): Promise<RetentionRun> {
    const preview = this.preview;
    if (!preview || preview.id !== previewId) throw new ContractError('CONFLICT', 'Preview retention first: a run needs the counts of the latest preview.');
    if (this.deps.clock.monotonicNow() - preview.madeAtMonotonic > previewLifetimeMs) {
      this.preview = null;
      throw new ContractError('CONFLICT', 'That preview is more than 15 minutes old. Preview again before running.');
    }
    if (this.deps.settings.get().months !== preview.months) throw new ContractError('CONFLICT', 'The retention period changed since the preview. Preview again.');
    if (this.running) throw new ContractError('CONFLICT', 'A retention run is already in progress.');
    this.preview = null;
    return this.execute('manual', preview.months, preview.cutoff, caller, preview.counts);
  }

  // ---------- internals ----------

  private requireMonths(): number {
    const { months } = this.deps.settings.get();
    if (months === null) throw new ContractError('CONFLICT', 'Retention is off. Set how many months to keep data first.');
    return months;
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    this.timer = this.deps.clock.setTimer(() => {
      this.timer = null;
      void this.daily().finally(() => this.schedule(dayMs));
    }, delayMs);
  }

  private async daily(): Promise<void> {
    const { months } = this.deps.settings.get();
    if (months === null || this.running) return;
    try {
      await this.execute('daily', months, retentionCutoff(this.deps.clock.wallNow(), months), dailyRunActor, null);
    } catch (error) {
      this.deps.logger.error('The daily retention run failed', { error: String(error) });
    }
  }

  /** Batches until nothing old is left; a start entry first, so a run cut short is still seen in the audit log. */
  private execute(trigger: RetentionRun['trigger'], months: number, cutoff: number, caller: CallerContext, previewed: RetentionCounts | null): Promise<RetentionRun> {
    const run = (async (): Promise<RetentionRun> => {
      const startedAt = this.deps.clock.wallNow();
      await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'retention.start', null, { trigger, months, cutoff, previewed }));
      let done = noCounts();
      let failure: string | null = null;
      try {
        let cursor: RetentionCursor | null = null;
        do {
          const batch = await this.deps.repository.runBatch(cutoff, this.deps.clock.wallNow(), cursor);
          done = addCounts(done, batch.done);
          cursor = batch.next;
        } while (cursor !== null && !this.closed); // closing: stop between batches (each is one commit)
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
        this.deps.logger.error('Retention run stopped early', { trigger, error: failure });
      }
      const result: RetentionRun = { trigger, months, cutoff, startedAt, finishedAt: this.deps.clock.wallNow(), done, failure };
      await this.deps.audit.record(auditEntry(this.deps.clock, caller, 'retention.run', null, { trigger, months, cutoff, ...done, failure }));
      this.lastRun = result;
      return result;
    })();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = null;
    };
    run.then(clear, clear);
    return run;
  }
}
