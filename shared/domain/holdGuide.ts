// Guided hold for one call (S-2): the steps before holding, the hold timer against the promised
// time, check-in prompts once the promise runs out, and a record of every hold segment.
import { Listeners, type Unsubscribe } from './listeners';
import type { Clock } from './clock';
import { DeadlineTimer } from './deadlineTimer';

/** S-2, in order: ask whether the caller can wait → wait for the answer → give the reason → give the expected time. */
export const holdSteps = ['askPermission', 'waitForAnswer', 'giveReason', 'giveExpectedTime'] as const;
export type HoldStep = (typeof holdSteps)[number];

/** The promised waiting times offered to the agent (30 s, 1 min, 2 min); any other positive ms is "custom". */
export const promisedHoldPresetsMs = [30_000, 60_000, 120_000] as const;
/** S-2: returning to update the caller is implied; default every 45 s after the promise runs out. */
export const defaultCheckInIntervalMs = 45_000;


export interface HoldCheckIn {
  /** 0 is the promise running out; check-in k is due at promisedMs + k × interval of hold time. */
  index: number;
  dueAtElapsedMs: number;
  dueAtMonotonic: number;
  /** When the agent went back to update the caller (hold time), or null if they did not. */
  callerUpdatedAtElapsedMs: number | null;
}

export interface HoldSegment {
  startedAtMonotonic: number;
  endedAtMonotonic: number;
  /** Wall-clock times for records people read; durations come from the monotonic times. */
  startedAtWall: number;
  endedAtWall: number;
  durationMs: number;
  promisedMs: number;
  /** How far the hold ran past the promise (0 when kept). */
  overPromiseMs: number;
  checkIns: HoldCheckIn[];
  /** 'resumed': the agent came back (and was prompted to thank the caller); 'callEnded': the call ended on hold. */
  endedBy: 'resumed' | 'callEnded';
}

export interface HoldStatus {
  elapsedMs: number;
  promisedMs: number;
  remainingMs: number;
  overPromiseMs: number;
  checkInsDue: number;
}

export type HoldGuidePhase = { kind: 'idle' } | { kind: 'guiding'; step: HoldStep } | { kind: 'onHold'; status: HoldStatus };

/** A hold command that does not fit the current phase (the service reports it as a conflict). */
export class HoldGuideRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HoldGuideRefused';
  }
}

export interface HoldGuideOptions {
  checkInIntervalMs?: number;
}


interface ActiveHold {
  startedAtMonotonic: number;
  startedAtWall: number;
  promisedMs: number;
  checkIns: HoldCheckIn[];
}

function checkPositiveMs(name: string, ms: number): void {
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`${name} must be a positive number of milliseconds (got ${ms}).`);
}

export class HoldGuide {
  private readonly checkInIntervalMs: number;
  private step: HoldStep | null = null;
  private active: ActiveHold | null = null;
  private readonly done: HoldSegment[] = [];
  private readonly stepListeners = new Listeners<[step: HoldStep]>();
  private readonly checkInListeners = new Listeners<[index: number, atElapsedMs: number]>();
  private readonly thankListeners = new Listeners<[segment: HoldSegment]>();

  private readonly deadline: DeadlineTimer;

  constructor(
    private readonly clock: Clock,
    options: HoldGuideOptions = {},
  ) {
    this.deadline = new DeadlineTimer(clock);
    this.checkInIntervalMs = options.checkInIntervalMs ?? defaultCheckInIntervalMs;
    checkPositiveMs('checkInIntervalMs', this.checkInIntervalMs);
  }

  /** The guide moved to `step` (S-2 order). */
  onStep(listener: (step: HoldStep) => void): Unsubscribe {
    return this.stepListeners.add(listener);
  }

  /** Time to go back and update the caller: index 0 when the promise runs out, then every interval. */
  onCheckInDue(listener: (index: number, atElapsedMs: number) => void): Unsubscribe {
    return this.checkInListeners.add(listener);
  }

  /** The agent resumed: prompt "thank the caller for waiting" (S-2, the last step). */
  onThankCallerForWaiting(listener: (segment: HoldSegment) => void): Unsubscribe {
    return this.thankListeners.add(listener);
  }

  phase(): HoldGuidePhase {
    if (this.active) return { kind: 'onHold', status: this.status() as HoldStatus };
    if (this.step) return { kind: 'guiding', step: this.step };
    return { kind: 'idle' };
  }

  /** The agent pressed Hold: the steps open at "ask whether the caller can wait". */
  begin(): void {
    if (this.active) throw new HoldGuideRefused('The caller is already on hold.');
    if (this.step) throw new HoldGuideRefused('The hold steps are already open.');
    this.setStep('askPermission');
  }

  /** The current step is done: go to the next one. The last step ends with {@link startHold}. */
  nextStep(): HoldStep {
    if (!this.step) throw new HoldGuideRefused('The hold steps are not open.');
    const index = holdSteps.indexOf(this.step);
    const next = holdSteps[index + 1];
    if (!next) throw new HoldGuideRefused('The expected time is the last step: choose it to put the caller on hold.');
    this.setStep(next);
    return next;
  }

  /**
   * The caller declined to wait, or the agent backed out, before holding: the steps close and no
   * segment is recorded.
   */
  cancel(): void {
    if (this.active) throw new HoldGuideRefused('The caller is on hold: resume instead.');
    this.step = null;
  }

  /**
   * The expected time was given (the last step): the caller goes on hold now and the hold timer
   * starts against `promisedMs` (one of {@link promisedHoldPresetsMs}, or any custom positive ms).
   */
  startHold(promisedMs: number): void {
    checkPositiveMs('The promised time', promisedMs);
    if (this.active) throw new HoldGuideRefused('The caller is already on hold.');
    // S-2: the expected time is given before holding, so holding is reached only through the steps.
    if (this.step !== 'giveExpectedTime') {
      throw new HoldGuideRefused(`Hold starts after the expected time is given; the current step is ${this.step ?? 'none (press Hold first)'}.`);
    }
    this.step = null;
    this.active = { startedAtMonotonic: this.clock.monotonicNow(), startedAtWall: this.clock.wallNow(), promisedMs, checkIns: [] };
    this.armCheckIn(0);
  }

  /** Hold time against the promise, or null when not on hold. */
  status(): HoldStatus | null {
    if (!this.active) return null;
    const elapsedMs = this.clock.monotonicNow() - this.active.startedAtMonotonic;
    return {
      elapsedMs,
      promisedMs: this.active.promisedMs,
      remainingMs: Math.max(0, this.active.promisedMs - elapsedMs),
      overPromiseMs: Math.max(0, elapsedMs - this.active.promisedMs),
      checkInsDue: this.active.checkIns.length,
    };
  }

  /** The agent went back on the line to update the caller after a check-in prompt: recorded on the latest one. */
  callerUpdated(): HoldCheckIn {
    if (!this.active) throw new HoldGuideRefused('The caller is not on hold.');
    const latest = this.active.checkIns.at(-1);
    if (!latest) throw new HoldGuideRefused('No check-in is due yet: the promised time has not run out.');
    latest.callerUpdatedAtElapsedMs = this.clock.monotonicNow() - this.active.startedAtMonotonic;
    return { ...latest };
  }

  /** The latest check-in while the agent has not yet gone back to update the caller, else null. */
  pendingCheckIn(): HoldCheckIn | null {
    const latest = this.active?.checkIns.at(-1);
    return latest && latest.callerUpdatedAtElapsedMs === null ? { ...latest } : null;
  }

  /** The agent took the caller off hold: the segment is recorded and the "thank the caller" prompt fires. */
  resume(): HoldSegment {
    if (!this.active) throw new HoldGuideRefused('The caller is not on hold.');
    const segment = this.close('resumed');
    this.thankListeners.emit(segment);
    return segment;
  }

  /** The call ended (e.g. the caller hung up while on hold): closes an open segment, no prompt. */
  callEnded(): HoldSegment | null {
    this.step = null;
    return this.active ? this.close('callEnded') : null;
  }

  /** Every finished hold segment of this call, oldest first. */
  segments(): readonly HoldSegment[] {
    return this.done.map((segment) => ({ ...segment, checkIns: segment.checkIns.map((c) => ({ ...c })) }));
  }

  private setStep(step: HoldStep): void {
    this.step = step;
    this.stepListeners.emit(step);
  }

  private armCheckIn(index: number): void {
    const hold = this.active as ActiveHold;
    // From the ideal due time (start + promise + index × interval), never "now + interval", so
    // check-ins never drift however late a timer fires.
    const dueAtElapsedMs = hold.promisedMs + index * this.checkInIntervalMs;
    const dueAtMonotonic = hold.startedAtMonotonic + dueAtElapsedMs;
    this.deadline.armAt(dueAtMonotonic, () => {
      hold.checkIns.push({ index, dueAtElapsedMs, dueAtMonotonic, callerUpdatedAtElapsedMs: null });
      this.armCheckIn(index + 1); // before the listeners, so one that throws cannot stop later check-ins
      this.checkInListeners.emit(index, dueAtElapsedMs);
    });
  }


  private close(endedBy: HoldSegment['endedBy']): HoldSegment {
    const hold = this.active as ActiveHold;
    this.deadline.cancel();
    this.active = null;
    const endedAtMonotonic = this.clock.monotonicNow();
    const durationMs = endedAtMonotonic - hold.startedAtMonotonic;
    const segment: HoldSegment = {
      startedAtMonotonic: hold.startedAtMonotonic,
      endedAtMonotonic,
      startedAtWall: hold.startedAtWall,
      endedAtWall: this.clock.wallNow(),
      durationMs,
      promisedMs: hold.promisedMs,
      overPromiseMs: Math.max(0, durationMs - hold.promisedMs),
      checkIns: hold.checkIns,
      endedBy,
    };
    this.done.push(segment);
    return { ...segment, checkIns: segment.checkIns.map((c) => ({ ...c })) };
  }
}
