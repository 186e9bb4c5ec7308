// Warnings about network noise (resets, refused or dropped clients) that a peer cannot turn into a
// log flood: the first of each kind is written at once, repeats within the window are counted and
// reported with the next one written.
import type { Logger } from '../core/kernel/platformPorts';

export type ThrottledWarning = (kind: string, message: string, details?: Record<string, unknown>) => void;

export function createThrottledWarning(logger: Logger, options: { windowMs: number; now: () => number }): ThrottledWarning {
  // Keyed by a fixed kind plus an error code, so the map stays as small as the set of kinds.
  const windows = new Map<string, { until: number; suppressed: number }>();
  return (kind, message, details) => {
    const now = options.now();
    const window = windows.get(kind);
    if (window && now < window.until) {
      window.suppressed += 1;
      return;
    }
    const suppressed = window?.suppressed ?? 0;
    windows.set(kind, { until: now + options.windowMs, suppressed: 0 });
    logger.warn(message, suppressed > 0 ? { ...details, alsoSinceLastReport: suppressed } : details);
  };
}
