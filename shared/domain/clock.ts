// The one source of time for domain logic: injected so timer tests are exact and instant.

/** Opaque handle returned by {@link Clock.setTimer}. */
export type TimerHandle = { readonly __timer: unique symbol };

export interface Clock {
  /** Monotonic milliseconds (never goes backwards, unaffected by wall-clock changes). */
  monotonicNow(): number;
  /** Wall-clock epoch milliseconds, for display and for records people read. */
  wallNow(): number;
  /** Run `callback` once after `delayMs` of monotonic time. */
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}
