// A Clock whose time moves only when a test says so; timers fire in due order, exactly on time.
import type { Clock, TimerHandle } from '../../shared/domain/clock';

interface PendingTimer {
  id: number;
  dueAt: number;
  callback: () => void;
}

export class FakeClock implements Clock {
  private monotonic: number;
  private wall: number;
  private nextId = 1;
  private timers: PendingTimer[] = [];

  constructor(options: { monotonicStart?: number; wallStart?: number } = {}) {
    this.monotonic = options.monotonicStart ?? 0;
    this.wall = options.wallStart ?? Date.UTC(2026, 10, 23, 1, 0, 0);
  }

  monotonicNow(): number {
    return this.monotonic;
  }

  wallNow(): number {
    return this.wall;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ id, dueAt: this.monotonic + Math.max(0, delayMs), callback });
    return id as unknown as TimerHandle;
  }

  clearTimer(handle: TimerHandle): void {
    const id = handle as unknown as number;
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  /** Advance both clocks by `ms`, firing every timer that falls due, in order, at its due time. */
  advance(ms: number): void {
    const target = this.monotonic + ms;
    for (;;) {
      const next = this.timers
        .filter((t) => t.dueAt <= target)
        .sort((a, b) => a.dueAt - b.dueAt || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t.id !== next.id);
      this.wall += next.dueAt - this.monotonic;
      this.monotonic = next.dueAt;
      next.callback();
    }
    this.wall += target - this.monotonic;
    this.monotonic = target;
  }

  /** Move wall time only (e.g. a DST or NTP jump); monotonic time is unaffected. */
  jumpWall(ms: number): void {
    this.wall += ms;
  }

  pendingTimerCount(): number {
    return this.timers.length;
  }
}
