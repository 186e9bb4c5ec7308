// Lowers the CPU priority of the calling thread (or the whole rebuild process), for the store's background rebuilds (snapshots,
// backups): on a two-core desk PC a rebuild at full priority takes a core from the threads that
// acknowledge commits and draw the UI, and shows up as their tail latency.
import { readdirSync } from 'node:fs';
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

/**
 * For the rebuild process (rebuildProcess.ts), which is all background work: every thread of it
 * goes below the host's. Linux keeps a nice value per thread, so each thread is set; elsewhere
 * the process's value is the one that counts. Returns the nice value afterwards, or null if refused.
 */
export function lowerThisProcessPriority(platform: NodeJS.Platform = process.platform): number | null {
  try {
    const target = Math.min(19, os.getPriority(0) + backgroundNiceSteps);
    if (platform === 'linux') {
      for (const tid of readdirSync('/proc/self/task')) {
        try {
          os.setPriority(Number(tid), target);
        } catch {
          // the thread ended meanwhile
        }
      }
    } else {
      os.setPriority(0, target);
    }
    return os.getPriority(0);
  } catch {
    return null; // a sandbox may refuse; the rebuild still works, just at normal priority
  }
}
