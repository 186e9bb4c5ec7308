// Wrap-up (after-call work) for one call: starts at hang-up, limited by a setting, ended early or
// extended once, and decides the agent's next state (Ready, or Not ready if the agent chose it).
import type { Clock } from './clock';
import { DeadlineTimer } from './deadlineTimer';
import { Listeners, type Unsubscribe } from './listeners';

/** Default wrap-up limit (a setting). */
export const defaultWrapUpLimitMs = 60_000;

export type WrapUpNextState = 'ready' | 'notReady';

export interface WrapUpResult {
  nextState: WrapUpNextState;
  endedBy: 'expired' | 'agent';
  startedAtMonotonic: number;
  endedAtMonotonic: number;
  durationMs: number;
  /** The limit in force at the end (the setting plus any extension). */
  limitMs: number;
  extendedByMs: number | null;
}

export interface WrapUpStatus {
  elapsedMs: number;
  limitMs: number;
  remainingMs: number;
  extended: boolean;
  nextState: WrapUpNextState;
}

/** A wrap-up command that does not fit the current state (the service reports it as a conflict). */
export class WrapUpRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrapUpRefused';
  }
}

export interface WrapUpOptions {
  limitMs?: number;
}

function checkPositiveMs(name: string, ms: number): void {
  if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`${name} must be a positive number of milliseconds (got ${ms}).`);
}

export class WrapUpTimer {
  private readonly baseLimitMs: number;
  private startedAt: number | null = null;
  private extendedByMs: number | null = null;
  private nextState: WrapUpNextState = 'ready';
  private finished: WrapUpResult | null = null;
  private readonly expiredListeners = new Listeners<[result: WrapUpResult]>();

  private readonly deadline: DeadlineTimer;

  constructor(
    private readonly clock: Clock,
    options: WrapUpOptions = {},
  ) {
    this.deadline = new DeadlineTimer(clock);
    this.baseLimitMs = options.limitMs ?? defaultWrapUpLimitMs;
    checkPositiveMs('The wrap-up limit', this.baseLimitMs);
  }

  /** The limit ran out; `result.nextState` is where the agent goes now. */
  onExpired(listener: (result: WrapUpResult) => void): Unsubscribe {
    return this.expiredListeners.add(listener);
  }

  /** The call hung up: after-call work starts now. */
  start(): void {
    if (this.startedAt !== null) throw new WrapUpRefused('Wrap-up has already started for this call.');
    this.startedAt = this.clock.monotonicNow();
    this.arm();
  }

  /** Where the agent goes when wrap-up ends: Ready unless the agent chose Not ready. */
  chooseNextState(nextState: WrapUpNextState): void {
    this.requireRunning();
    this.nextState = nextState;
  }

  /** Give more time, once per wrap-up; the new end is the original end plus `extraMs`. */
  extendOnce(extraMs: number): WrapUpStatus {
    checkPositiveMs('The extension', extraMs);
    this.requireRunning();
    if (this.extendedByMs !== null) {
      throw new WrapUpRefused(`Wrap-up can be extended only once; it was already extended by ${this.extendedByMs} ms.`);
    }
    this.extendedByMs = extraMs;
    // Re-armed for start + new limit, not "now + extra", so the end does not depend on when the agent clicked.
    this.arm();
    return this.status() as WrapUpStatus;
  }

  /** The agent finished the after-call work before the limit. */
  endEarly(): WrapUpResult {
    this.requireRunning();
    return this.finish('agent');
  }

  /** Elapsed against the limit, or null before start / after the end. */
  status(): WrapUpStatus | null {
    if (this.startedAt === null || this.finished) return null;
    const elapsedMs = this.clock.monotonicNow() - this.startedAt;
    const limitMs = this.limitMs();
    return { elapsedMs, limitMs, remainingMs: Math.max(0, limitMs - elapsedMs), extended: this.extendedByMs !== null, nextState: this.nextState };
  }

  /** The result once wrap-up has ended, else null. */
  result(): WrapUpResult | null {
    return this.finished;
  }

  private limitMs(): number {
    return this.baseLimitMs + (this.extendedByMs ?? 0);
  }

  private requireRunning(): void {
    if (this.startedAt === null) throw new WrapUpRefused('Wrap-up has not started.');
    if (this.finished) throw new WrapUpRefused(`Wrap-up has already ended (${this.finished.endedBy === 'expired' ? 'the time ran out' : 'ended by the agent'}).`);
  }

  private arm(): void {
    this.deadline.armAt((this.startedAt as number) + this.limitMs(), () => {
      this.expiredListeners.emit(this.finish('expired'));
    });
  }

  private finish(endedBy: WrapUpResult['endedBy']): WrapUpResult {
    this.deadline.cancel();
    const startedAtMonotonic = this.startedAt as number;
    const endedAtMonotonic = this.clock.monotonicNow();
    this.finished = {
      nextState: this.nextState,
      endedBy,
      startedAtMonotonic,
      endedAtMonotonic,
      durationMs: endedAtMonotonic - startedAtMonotonic,
      limitMs: this.limitMs(),
      extendedByMs: this.extendedByMs,
    };
    return this.finished;
  }
}
