// One writer per data dir: a lock file naming its owner by pid AND process start time (plus the boot
// it belongs to), so a lock left by a crash is taken over even when the pid now belongs to another
// process (after a reboot, or in a container whose pids repeat), while a live owner is never
// displaced. The file appears whole or not at all (written to a temp file, then hard-linked into
// place), so an empty or half-written lock is never mistaken for a stale one.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { processIdentity, sameProcessStillRunning, type ProcessIdentity } from './processIdentity';

export const lockFileName = 'deskline.lock';
const takeoverFileName = `${lockFileName}.takeover`;
/** A lock (or takeover guard) file younger than this with unreadable content is being written. */
const writingGraceMs = 10_000;

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    /** null while the other process is still writing its lock file. */
    readonly ownerPid: number | null,
  ) {
    super(
      ownerPid === null
        ? `Another Deskline is starting with the data folder ${dataDir}. Close it first, or start with a different --data-dir.`
        : `Deskline is already running with the data folder ${dataDir} (process ${ownerPid}). Close that window first, or start with a different --data-dir. (If no Deskline is running, process ${ownerPid} is another program: delete ${path.join(dataDir, lockFileName)}.)`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface DataDirLock {
  /** Set when a stale lock was taken over: whose it was and why it was judged stale. */
  readonly tookOver: string | null;
  release(): void;
}

/** What a lock file says. The first line is the bare pid, so older Deskline versions still read it. */
export function formatLock(owner: ProcessIdentity): string {
  return [String(owner.pid), `start=${owner.startTicks ?? ''}`, `boot=${owner.bootId ?? ''}`, `startedAt=${owner.startedAt}`, ''].join('\n');
}

/** Parses a lock file; null for empty, partial or foreign content. A bare "pid\n" (older versions) parses. */
export function parseLock(text: string): ProcessIdentity | null {
  if (!text.endsWith('\n')) return null; // every complete lock ends with a newline
  const [first, ...rest] = text.slice(0, -1).split('\n');
  if (!first || !/^\d+$/.test(first)) return null;
  const fields = new Map(rest.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
  const startedAt = Number(fields.get('startedAt'));
  return {
    pid: Number(first),
    startTicks: fields.get('start') || null,
    bootId: fields.get('boot') || null,
    startedAt: Number.isFinite(startedAt) && startedAt > 0 ? startedAt : null,
  };
}

export type LockVerdict = { live: true; pid: number | null } | { live: false; why: string };

/** Decides whether the process that wrote a lock file still runs. */
export function judgeLock(text: string, ageMs: number, self: ProcessIdentity = processIdentity()): LockVerdict {
  const owner = parseLock(text);
  if (!owner) {
    // Only an older Deskline (or the no-hard-link fallback) writes in place; give it time to finish.
    return ageMs < writingGraceMs ? { live: true, pid: null } : { live: false, why: `an unreadable lock file ${Math.round(ageMs / 1000)} s old` };
  }
  if (owner.pid === self.pid && owner.startTicks === self.startTicks && owner.startedAt === self.startedAt) {
    return { live: true, pid: owner.pid }; // this very process (another open in it)
  }
  if (owner.pid === self.pid) return { live: false, why: `process ${owner.pid} was an earlier process with this pid` };
  const running = sameProcessStillRunning(owner, self);
  return running.alive ? { live: true, pid: owner.pid } : { live: false, why: `process ${owner.pid} ${running.why}` };
}

/** Locks held by this process: the same identity cannot tell two opens in one process apart. */
const heldHere = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, lockFileName);
  const self = processIdentity();
  if (heldHere.has(file)) throw new DataDirLockedError(dataDir, process.pid);
  const content = formatLock(self);
  let tookOver: string | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createWhole(file, content)) {
      heldHere.add(file);
      let released = false;
      return {
        tookOver,
        release: () => {
          if (released) return;
          released = true;
          heldHere.delete(file);
          // Remove it only if it is still ours (never another owner's after a takeover).
          if (readOrEmpty(file) === content) unlinkQuietly(file);
        },
      };
    }
    const seen = readLockFile(file);
    if (seen === null) continue; // released in the meantime: try again
    const verdict = judgeLock(seen.text, seen.ageMs, self);
    if (verdict.live) throw new DataDirLockedError(dataDir, verdict.pid);
    // Stale. Remove exactly the file judged, under a guard, so two starting processes cannot both
    // take it over (the second would otherwise delete the lock the first had just created).
    withTakeoverGuard(dataDir, () => {
      if (readOrEmpty(file) === seen.text) unlinkQuietly(file);
    });
    tookOver = `a lock left by ${verdict.why}`;
  }
  throw new Error(`Could not lock the data folder ${dataDir}: the lock file keeps changing. Is another Deskline starting?`);
}

/** Creates the file with its full content, atomically; false if it already exists. */
function createWhole(file: string, content: string): boolean {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  const fd = openSync(temp, 'wx', 0o600); // S-6: data-folder files are the owner's only
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, file); // fails with EEXIST if the name is taken: never replaces a lock
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // No hard links here (some network and FAT file systems): create exclusively and write at
    // once. A reader seeing the file empty meanwhile treats it as live for writingGraceMs.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    return createExclusive(file, content);
  } finally {
    unlinkQuietly(temp);
  }
}

function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Runs `body` while holding a short-lived guard file; waits (briefly) for another holder. */
function withTakeoverGuard(dataDir: string, body: () => void): void {
  const guard = path.join(dataDir, takeoverFileName);
  const deadline = Date.now() + 5_000;
  for (;;) {
    if (createWhole(guard, `${process.pid}\n`)) break;
    const seen = readLockFile(guard);
    // A guard is held for microseconds; an old one was left by a crash inside the guard.
    if (seen && seen.ageMs > writingGraceMs && readOrEmpty(guard) === seen.text) unlinkQuietly(guard);
    if (Date.now() > deadline) throw new Error(`Could not lock the data folder ${dataDir}: another process is taking over its lock.`);
    sleepSync(20);
  }
  try {
    body();
  } finally {
    unlinkQuietly(guard);
  }
}

/** The lock file's content and age; null if it is gone. */
function readLockFile(file: string): { text: string; ageMs: number } | null {
  try {
    const ageMs = Date.now() - statSync(file).mtimeMs;
    return { text: readFileSync(file, 'utf8'), ageMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`Cannot read the lock file ${file}: ${(error as Error).message}`, { cause: error });
  }
}

function readOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
