// Notices that the machine slept. The monotonic clock stops while suspended but the wall clock
// does not, so after a wake-up the wall clock has run ahead of the monotonic one by about the
// time asleep. The softphone then reconnects at once instead of waiting out its backoff (a SIP
// WebSocket rarely survives a sleep, and the registration may have expired meanwhile).
import type { Clock, TimerHandle } from './clock';

export interface WakeDetectorOptions {
  /** How often to compare the clocks. */
  checkEveryMs?: number;
  /** Wall time that must go missing from the monotonic clock to count as a sleep. */
  thresholdMs?: number;
}

export class WakeDetector {
  private timer: TimerHandle | null = null;
  private lastWall = 0;
  private lastMonotonic = 0;
  private readonly checkEveryMs: number;
  private readonly thresholdMs: number;

  constructor(
    private readonly clock: Clock,
    private readonly onWake: (sleptMs: number) => void,
    options: WakeDetectorOptions = {},
  ) {
    this.checkEveryMs = options.checkEveryMs ?? 5_000;
    this.thresholdMs = options.thresholdMs ?? 10_000;
  }

  start(): void {
    this.stop();
    this.lastWall = this.clock.wallNow();
    this.lastMonotonic = this.clock.monotonicNow();
    this.timer = this.clock.setTimer(() => this.check(), this.checkEveryMs);
  }

  stop(): void {
    if (this.timer) this.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private check(): void {
    const wall = this.clock.wallNow();
    const monotonic = this.clock.monotonicNow();
    // A wall-clock step backwards (NTP) gives a negative gap and is ignored.
    const missing = wall - this.lastWall - (monotonic - this.lastMonotonic);
    this.lastWall = wall;
    this.lastMonotonic = monotonic;
    this.timer = this.clock.setTimer(() => this.check(), this.checkEveryMs);
    if (missing >= this.thresholdMs) this.onWake(missing);
  }
}
