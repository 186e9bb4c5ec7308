// Repeated failed sign-ins wait longer and longer (per typed user name, known or not, so the
// delay says nothing about which names exist). Time comes from the injected clock.
import type { Clock } from '../../../shared/domain/clock';

/** Failures allowed without any wait; after that 1 s, 2 s, 4 s … capped at 5 minutes. */
export const freeFailures = 3;
export const maxDelayMs = 5 * 60_000;

/** The wait after `failures` consecutive failures. */
export function delayAfter(failures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(1000 * 2 ** (failures - freeFailures), maxDelayMs);
}

export class SignInThrottle {
  private readonly byName = new Map<string, { failures: number; retryAt: number }>();

  constructor(private readonly clock: Pick<Clock, 'monotonicNow'>) {}

  /** Milliseconds left before `name` may try again (0 = now). */
  waitMs(name: string): number {
    const entry = this.byName.get(name.toLowerCase());
    return entry ? Math.max(0, entry.retryAt - this.clock.monotonicNow()) : 0;
  }

  failed(name: string): number {
    const key = name.toLowerCase();
    const failures = (this.byName.get(key)?.failures ?? 0) + 1;
    const delay = delayAfter(failures);
    this.byName.set(key, { failures, retryAt: this.clock.monotonicNow() + delay });
    if (this.byName.size > 10_000) this.byName.delete(this.byName.keys().next().value!);
    return delay;
  }

  succeeded(name: string): void {
    this.byName.delete(name.toLowerCase());
  }
}
