// The renderer's Clock for shared domain code that schedules work (e.g. the note autosaver).
import type { Clock, TimerHandle } from '../../shared/domain/clock';

export const browserClock: Clock = {
  monotonicNow: () => performance.now(),
  wallNow: () => Date.now(),
  setTimer: (callback, delayMs) => window.setTimeout(callback, Math.max(0, delayMs)) as unknown as TimerHandle,
  clearTimer: (handle) => window.clearTimeout(handle as unknown as number),
};
