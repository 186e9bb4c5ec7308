// One writer per data dir: a lock file created exclusively, holding the owner's pid. A lock left by
// a process that no longer exists (killed, crashed) is taken over; a live owner gets a clear error.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import path from 'node:path';

export const lockFileName = 'deskline.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(`Deskline is already running with the data folder ${dataDir} (process ${ownerPid}). Close that window first, or start with a different --data-dir.`);
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  release(): void;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks held by this process (a pid check cannot tell two opens in one process apart). */
const heldHere = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, lockFileName);
  if (heldHere.has(file)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      fsyncSync(fd);
      closeSync(fd);
      let released = false;
      heldHere.add(file);
      return {
        release: () => {
          if (released) return;
          released = true;
          heldHere.delete(file);
          try {
            if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(safeRead(file), 10);
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && processAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner);
      }
      // Stale (owner gone, or the file is empty/garbled from a crash mid-write): take it over.
      try {
        unlinkSync(file);
      } catch {
        // someone else took it over first; try again
      }
    }
  }
  throw new Error(`Could not lock the data folder ${dataDir}.`);
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
