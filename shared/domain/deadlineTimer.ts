import type { Clock, TimerHandle } from './clock';

/**
 * One pending deadline on the monotonic clock. Real timers may fire a fraction of a millisecond
 * early; a ring, check-in or wrap-up expiry must never precede its time, so an early wake-up
 * re-arms for the rest. Deadlines are absolute, so nothing drifts however late a timer fires.
 */
export class DeadlineTimer {
  private handle: TimerHandle | null = null;

  constructor(private readonly clock: Clock) {}

  /** Replaces any pending deadline. */
  armAt(dueMonotonic: number, fire: () => void): void {
    this.cancel();
    this.schedule(dueMonotonic, fire);
  }

  cancel(): void {
    if (this.handle) this.clock.clearTimer(this.handle);
    this.handle = null;
  }

  private schedule(dueMonotonic: number, fire: () => void): void {
    this.handle = this.clock.setTimer(() => {
      this.handle = null;
      if (this.clock.monotonicNow() < dueMonotonic) this.schedule(dueMonotonic, fire);
      else fire();
    }, dueMonotonic - this.clock.monotonicNow());
  }
}
