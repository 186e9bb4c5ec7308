// The live ring counter for one incoming call (S-1.1–S-1.3): ring events exactly at ring boundaries
// on the injected monotonic clock, and the outcome record stored with the call.
import { Listeners, type Unsubscribe } from './listeners';
import type { Clock } from './clock';
import { DeadlineTimer } from './deadlineTimer';
import { defaultRingCadence, ringBoundaryMs, ringCycleMs, ringNumberAt, type RingCadence } from './ringCadence';

/** S-1.1: answer within three rings. */
export const standardRings = 3;
/** S-1.2: the documents' measurable example counts answers by the second ring. */
export const secondRing = 2;
/** Issue 5 default: no answer after 6 rings is a missed call. */
export const defaultMissedAfterRings = 6;


/** What is stored with the call (S-1.3: the rings that had started when it was answered or ended). */
export interface RingOutcome {
  outcome: 'answered' | 'abandoned' | 'missed';
  rings: number;
  /** From the start of alerting to the answer, on the monotonic clock; null when not answered. */
  timeToAnswerMs: number | null;
  answeredWithinThreeRings: boolean;
  answeredBySecondRing: boolean;
}

export interface RingCounterOptions {
  /** Rings without an answer before the call counts as missed (default 6). */
  missedAfterRings?: number;
}


export class RingCounter {
  private readonly missedAfterRings: number;
  private startedAt: number | null = null;
  private finished: RingOutcome | null = null;
  private readonly ringListeners = new Listeners<[n: number]>();
  private readonly lastRingListeners = new Listeners<[]>();
  private readonly missedStandardListeners = new Listeners<[]>();
  private readonly noAnswerListeners = new Listeners<[ringsReached: number, outcome: RingOutcome]>();

  private readonly deadline: DeadlineTimer;

  constructor(
    private readonly clock: Clock,
    private readonly cadence: RingCadence = defaultRingCadence,
    options: RingCounterOptions = {},
  ) {
    this.deadline = new DeadlineTimer(clock);
    const missedAfterRings = options.missedAfterRings ?? defaultMissedAfterRings;
    if (!Number.isInteger(missedAfterRings) || missedAfterRings < 1) {
      throw new RangeError(`missedAfterRings must be a whole number of rings, at least 1 (got ${missedAfterRings}).`);
    }
    this.missedAfterRings = missedAfterRings;
    ringCycleMs(cadence); // a bad custom cadence fails here, at setup, not at the first ring
  }

  /** Ring `n` started (ring 1 at start). */
  onRing(listener: (n: number) => void): Unsubscribe {
    return this.ringListeners.add(listener);
  }

  /** Ring 3 started: the last ring within the standard (S-1.1). */
  onLastRingWithinStandard(listener: () => void): Unsubscribe {
    return this.lastRingListeners.add(listener);
  }

  /** Ring 4 started: this call can no longer be answered within the standard (S-1.1). */
  onStandardMissed(listener: () => void): Unsubscribe {
    return this.missedStandardListeners.add(listener);
  }

  /**
   * No answer after `missedAfterRings` rings. This only signals: the caller of this class puts the
   * agent in "Not ready — Missed". The counter has already finished with outcome 'missed'.
   */
  onNoAnswer(listener: (ringsReached: number, outcome: RingOutcome) => void): Unsubscribe {
    return this.noAnswerListeners.add(listener);
  }

  /** The call starts alerting the agent now (S-1.3); ring 1 is emitted at once. */
  start(): void {
    if (this.startedAt !== null) throw new Error('The ring counter has already started.');
    this.startedAt = this.clock.monotonicNow();
    this.ring(1);
  }

  /** The ring in progress (0 before start; after the end, the rings stored). */
  currentRing(): number {
    if (this.startedAt === null) return 0;
    if (this.finished) return this.finished.rings;
    return ringNumberAt(this.clock.monotonicNow() - this.startedAt, this.cadence);
  }

  /** The outcome once the counter has finished, else null. */
  outcome(): RingOutcome | null {
    return this.finished;
  }

  /** The agent answered. */
  answer(): RingOutcome {
    return this.finish('answered');
  }

  /** The caller hung up while it rang. */
  abandon(): RingOutcome {
    return this.finish('abandoned');
  }

  /**
   * Alerting stopped without an answer and without the caller hanging up (the agent declined, the
   * queue took the call back): recorded as 'missed' with the rings reached; no events fire, since
   * the no-answer rule (and "Not ready — Missed") is only for calls that rang out.
   */
  stop(): RingOutcome {
    return this.finish('missed');
  }

  private ring(n: number): void {
    const startedAt = this.startedAt as number; // ring() runs only after start()
    const errors: unknown[] = [];
    if (n > this.missedAfterRings) {
      // Fires at the moment ring N+1 would start: all N rings have fully rung out.
      const outcome = this.finish('missed');
      this.noAnswerListeners.emitCollecting(errors, outcome.rings, outcome);
    } else {
      // Armed before the listeners run, so a listener that throws cannot stop the count. The due
      // time is the ideal boundary (start + n cycles), never "now + one cycle": a late tick then
      // never pushes later rings back.
      this.deadline.armAt(startedAt + ringBoundaryMs(n + 1, this.cadence), () => this.ring(n + 1));
      this.ringListeners.emitCollecting(errors, n);
      // A listener may have answered the call on ring n; the flags then no longer apply.
      if (!this.finished && n === standardRings) this.lastRingListeners.emitCollecting(errors);
      if (!this.finished && n === standardRings + 1) this.missedStandardListeners.emitCollecting(errors);
    }
    if (errors.length > 0) throw errors[0];
  }


  private finish(outcome: RingOutcome['outcome']): RingOutcome {
    if (this.startedAt === null) throw new Error('The ring counter has not started.');
    // SIP and timers race (an answer can arrive just after the no-answer timer): the first outcome stands.
    if (this.finished) return this.finished;
    this.deadline.cancel();
    const elapsed = this.clock.monotonicNow() - this.startedAt;
    // S-1.3: the rings that had started. A call that rang out reached ring N (its end is the start of N+1).
    const rings = Math.min(ringNumberAt(elapsed, this.cadence), this.missedAfterRings);
    const answered = outcome === 'answered';
    this.finished = {
      outcome,
      rings,
      timeToAnswerMs: answered ? elapsed : null,
      answeredWithinThreeRings: answered && rings <= standardRings,
      answeredBySecondRing: answered && rings <= secondRing,
    };
    return this.finished;
  }
}
