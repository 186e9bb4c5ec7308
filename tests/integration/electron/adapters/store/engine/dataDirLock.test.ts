// The data-folder lock against real processes: a dead owner, a pid now used by an unrelated live
// process, an owner from before a reboot, a live owner, a lock file still being written, and
// several processes starting at once (exactly one wins, also when they race to take over a stale lock).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, formatLock, judgeLock, lockFileName } from '../../../../../../electron/adapters/store/engine/dataDirLock';
import { linuxStartTicks, processIdentity } from '../../../../../../electron/adapters/store/engine/processIdentity';
import { repoRoot, startWebHost, tempDataDir } from '../../../../../support/webHost';

const linux = process.platform === 'linux';
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

const lockFile = (dataDir: string) => path.join(dataDir, lockFileName);

/** A live process that has nothing to do with Deskline. */
function unrelatedProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
  children.push(child);
  return child;
}

function holder(dataDir: string, holdMs: number, startAt = 0): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/database/lockHolder.ts', dataDir, String(holdMs), String(startAt)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return child;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code} before answering: ${out}`)));
  });
}

describe('the data-folder lock (S-6 data safety: one writer, restart after a crash)', () => {
  it('is written whole: pid first (older versions read it), then start time and boot', () => {
    const dataDir = tempDataDir('deskline-lock-format-');
    const lock = acquireDataDirLock(dataDir);
    const text = readFileSync(lockFile(dataDir), 'utf8');
    expect(text.split('\n')[0]).toBe(String(process.pid));
    expect(text).toBe(formatLock(processIdentity()));
    if (linux) expect(text).toMatch(/^start=\d+$/m);
    lock.release();
    expect(existsSync(lockFile(dataDir))).toBe(false);
  });

  it('takes over the lock of a dead owner', () => {
    const dataDir = tempDataDir('deskline-lock-dead-');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockFile(dataDir), formatLock({ pid: Number(dead.stdout), startTicks: '12345', bootId: processIdentity().bootId, startedAt: Date.now() - 1000 }));
    const lock = acquireDataDirLock(dataDir);
    expect(lock.tookOver).toMatch(/no longer exists/);
    lock.release();
  });

  it.runIf(linux)('takes over a lock whose pid now belongs to an unrelated live process (different start time)', async () => {
    const dataDir = tempDataDir('deskline-lock-reused-');
    const other = unrelatedProcess();
    await new Promise((r) => setTimeout(r, 100));
    const realStart = linuxStartTicks(other.pid!);
    expect(realStart).not.toBeNull();
    // The crashed owner had this pid, but started at another time (a container restart, say).
    const crashed = { pid: other.pid!, startTicks: String(Number(realStart) - 5000), bootId: processIdentity().bootId, startedAt: Date.now() - 60_000 };
    writeFileSync(lockFile(dataDir), formatLock(crashed));
    const lock = acquireDataDirLock(dataDir);
    expect(lock.tookOver).toMatch(new RegExp(`process ${other.pid} ended; its pid now belongs to another process`));
    lock.release();
  });

  it.runIf(linux)('takes over a lock written before the last reboot even if its pid is alive now', async () => {
    const dataDir = tempDataDir('deskline-lock-reboot-');
    const other = unrelatedProcess();
    await new Promise((r) => setTimeout(r, 100));
    const beforeReboot = { pid: other.pid!, startTicks: linuxStartTicks(other.pid!), bootId: '00000000-0000-4000-8000-000000000000', startedAt: Date.now() };
    writeFileSync(lockFile(dataDir), formatLock(beforeReboot));
    const lock = acquireDataDirLock(dataDir);
    expect(lock.tookOver).toMatch(/before the last reboot/);
    lock.release();
  });

  it.runIf(process.platform !== 'win32')('without /proc (macOS): tells a reused pid by the start time ps reports, and an owner from before the boot', async () => {
    const other = unrelatedProcess();
    await new Promise((r) => setTimeout(r, 300));
    const noProc = { pid: process.pid, startTicks: null, bootId: null, startedAt: Date.now() - process.uptime() * 1000 };
    const lockOf = (startedAt: number) => formatLock({ pid: other.pid!, startTicks: null, bootId: null, startedAt });
    // Its real start time (ps has whole seconds): the owner is running.
    const startedAt = Date.now() - 300;
    expect(judgeLock(lockOf(startedAt), 0, noProc)).toEqual({ live: true, pid: other.pid });
    expect(judgeLock(lockOf(startedAt - 60_000), 0, noProc)).toEqual({ live: false, why: `process ${other.pid} ended; its pid now belongs to another process` });
    const bootedAt = Date.now() - os.uptime() * 1000;
    expect(judgeLock(lockOf(bootedAt - 3_600_000), 0, noProc)).toEqual({ live: false, why: `process ${other.pid} started before the last reboot` });
  });

  it('refuses while the owner lives, and takes over once it is killed', async () => {
    const dataDir = tempDataDir('deskline-lock-live-');
    const owner = holder(dataDir, 60_000);
    expect(await firstLine(owner)).toBe('won');
    let refused: unknown;
    try {
      acquireDataDirLock(dataDir);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(DataDirLockedError);
    expect((refused as DataDirLockedError).ownerPid).toBe(owner.pid);
    expect((refused as Error).message).toContain(`(process ${owner.pid})`);

    owner.kill('SIGKILL');
    await new Promise((r) => owner.once('exit', r));
    const lock = acquireDataDirLock(dataDir);
    expect(lock.tookOver).toMatch(new RegExp(`process ${owner.pid} no longer exists`));
    lock.release();
  });

  it('lets the real web host start again after it was killed with SIGKILL, and says it took over', async () => {
    const first = await startWebHost();
    const killed = new Promise((r) => first.process.once('exit', r));
    first.process.kill('SIGKILL');
    await killed;
    expect(readFileSync(lockFile(first.dataDir), 'utf8').split('\n')[0]).toBe(String(first.process.pid)); // left behind
    const second = await startWebHost({ dataDir: first.dataDir });
    try {
      expect(second.stderr()).toContain(`Took over the data folder from a lock left by process ${first.process.pid} no longer exists`);
    } finally {
      await second.stop();
    }
  });

  it('treats an empty lock file as an owner still writing it, and as stale only once it is old', () => {
    const dataDir = tempDataDir('deskline-lock-empty-');
    writeFileSync(lockFile(dataDir), '');
    expect(() => acquireDataDirLock(dataDir)).toThrow(/Another Deskline is starting/);
    expect(readFileSync(lockFile(dataDir), 'utf8')).toBe(''); // untouched

    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(dataDir), old, old);
    const lock = acquireDataDirLock(dataDir);
    expect(lock.tookOver).toMatch(/unreadable lock file/);
    lock.release();
  });

  for (const stale of [false, true]) {
    it(`lets exactly one of several processes starting at once in${stale ? ' (racing to take over a stale lock)' : ''}`, async () => {
      const dataDir = tempDataDir('deskline-lock-race-');
      if (stale) {
        const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
        writeFileSync(lockFile(dataDir), `${dead.stdout}\n`);
      }
      const startAt = Date.now() + 2_500; // after every racer has loaded
      const racers = Array.from({ length: 5 }, () => holder(dataDir, 4_000, startAt));
      const answers = await Promise.all(racers.map(firstLine));
      expect(answers.filter((a) => a.startsWith('won'))).toHaveLength(1);
      expect(answers.filter((a) => a.startsWith('locked'))).toHaveLength(4);
    });
  }
});
