// Production Clock: performance.now() for monotonic time, Date.now() for wall time.
import type { Clock, TimerHandle } from '../../../shared/domain/clock';

export const systemClock: Clock = {
  monotonicNow: () => performance.now(),
  wallNow: () => Date.now(),
  setTimer: (callback, delayMs) =>
    setTimeout(callback, Math.max(0, delayMs)) as unknown as TimerHandle,
  clearTimer: (handle) => clearTimeout(handle as unknown as NodeJS.Timeout),
};
