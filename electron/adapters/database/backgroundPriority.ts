// Lowers the CPU priority of the calling thread, for the store's background rebuilds (snapshots,
// backups): on a two-core desk PC a rebuild at full priority takes a core from the threads that
// acknowledge commits and draw the UI, and shows up as their tail latency.
import os from 'node:os';

/** How much lower than the process's own priority the background thread runs (nice units). */
export const backgroundNiceSteps = 10;

/**
 * Only Linux keeps a nice value per thread; elsewhere setPriority(0) would lower the whole process
 * (the UI and the commits with it), so there it does nothing. Returns the thread's nice value
 * afterwards, or null where it was left alone.
 */
export function lowerThisThreadPriority(platform: NodeJS.Platform = process.platform): number | null {
  if (platform !== 'linux') return null;
  try {
    os.setPriority(0, Math.min(19, os.getPriority(0) + backgroundNiceSteps));
    return os.getPriority(0);
  } catch {
    return null; // a sandbox may refuse; the rebuild still works, just at normal priority
  }
}
