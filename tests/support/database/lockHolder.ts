// A separate process that tries to take a data-dir lock: prints "won" or "locked <pid>", holds the
// lock for the given milliseconds, then releases it. Used by the lock tests for live owners and races.
import { acquireDataDirLock, DataDirLockedError } from '../../../electron/adapters/store/engine/dataDirLock';

const [dataDir, holdMs = '0', startAt = '0'] = process.argv.slice(2);
// Racers start together: each waits until the same wall-clock moment before trying.
while (Date.now() < Number(startAt)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
try {
  const lock = acquireDataDirLock(dataDir!);
  process.stdout.write(`won${lock.tookOver ? ` (took over ${lock.tookOver})` : ''}\n`);
  setTimeout(() => {
    lock.release();
    process.exit(0);
  }, Number(holdMs));
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stdout.write(`locked ${error.ownerPid}\n`);
  process.exit(0);
}
