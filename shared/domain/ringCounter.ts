// The live ring counter for one incoming call (S-1.1–S-1.3). Ring events fire exactly at ring
// boundaries on the injected monotonic clock; each timer is armed for the ideal boundary (start +
// (n-1) cycles), never "now + one cycle", so a late tick does not push later rings back.
import type { Clock, TimerHandle } from './clock';
import { ringBoundaryMs, ringNumberAt, type RingCadence } from './ringCadence';

/** S-1.1: answer within three rings. */
export const standardRings = 3;

export interface RingOutcome {
  outcome: 'answered' | 'abandoned' | 'missed';
  /** The ring reached when the call was answered or ended. */
  rings: number;
  timeToAnswerMs: number | null;
  answeredWithinThreeRings: boolean;
  answeredBySecondRing: boolean;
}

export interface RingCounterListener {
  /** Ring `n` started (ring 1 at start). */
  onRing?(n: number): void;
  /** Ring 3 started: the last ring within the standard (S-1.1). */
  onLastRingWithinStandard?(): void;
  /** Ring 4 started: the standard is missed for this call. */
  onStandardMissed?(): void;
  /** No answer after the configured rings: the caller is treated as missed (issue: agent → Not ready — Missed). */
  onNoAnswer?(outcome: RingOutcome): void;
}

export class RingCounter {
  private startedAt: number | null = null;
  private timer: TimerHandle | null = null;
  private finished: RingOutcome | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly cadence: RingCadence,
    private readonly listener: RingCounterListener,
    private readonly options: { missedAfterRings: number } = { missedAfterRings: 6 },
  ) {
    if (!Number.isInteger(options.missedAfterRings) || options.missedAfterRings < 1) throw new Error('missedAfterRings must be a whole number of rings, at least 1.');
  }

  /** Alerting starts now. */
  start(): void {
    if (this.startedAt !== null) throw new Error('The ring counter has already started.');
    this.startedAt = this.clock.monotonicNow();
    this.ring(1);
  }

  /** The ring in progress (0 before start). */
  currentRing(): number {
    if (this.startedAt === null) return 0;
    if (this.finished) return this.finished.rings;
    return ringNumberAt(this.clock.monotonicNow() - this.startedAt, this.cadence);
  }

  answer(): RingOutcome {
    return this.finish('answered');
  }

  /** The caller hung up while it rang. */
  abandon(): RingOutcome {
    return this.finish('abandoned');
  }

  private ring(n: number): void {
    this.timer = null;
    if (n > this.options.missedAfterRings) {
      this.listener.onNoAnswer?.(this.finish('missed'));
      return;
    }
    this.listener.onRing?.(n);
    if (n === standardRings) this.listener.onLastRingWithinStandard?.();
    if (n === standardRings + 1) this.listener.onStandardMissed?.();
    const due = this.startedAt! + ringBoundaryMs(n + 1, this.cadence);
    this.timer = this.clock.setTimer(() => this.ring(n + 1), due - this.clock.monotonicNow());
  }

  private finish(outcome: RingOutcome['outcome']): RingOutcome {
    if (this.startedAt === null) throw new Error('The ring counter has not started.');
    if (this.finished) return this.finished;
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = null;
    const elapsed = this.clock.monotonicNow() - this.startedAt;
    // A call unanswered after N rings reached ring N (the timer fires at the start of ring N+1).
    const rings = outcome === 'missed' ? this.options.missedAfterRings : ringNumberAt(elapsed, this.cadence);
    const answered = outcome === 'answered';
    this.finished = {
      outcome,
      rings,
      timeToAnswerMs: answered ? elapsed : null,
      answeredWithinThreeRings: answered && rings <= standardRings,
      answeredBySecondRing: answered && rings <= 2,
    };
    return this.finished;
  }
}
