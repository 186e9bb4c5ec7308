// A staged restore is crash-safe: killed (SIGKILL) after any step of the swap, the next start has
// either the previous database or the restored one, never an empty one, and it finishes the
// restore. A staged file that is not a usable backup is set aside and the data stays as it was.
// The backup's integrity check runs in a worker, so the main thread keeps running meanwhile.
import { spawnSync } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPendingRestore, checkBackup, pendingRestoreFile, type RestoreStep } from '../../../../../../electron/adapters/store/engine/backupFiles';
import { acquireDataDirLock } from '../../../../../../electron/adapters/store/engine/dataDirLock';
import { openDatabase } from '../../../../../../electron/adapters/store/engine/sqlEngine';
import { commitMarkers, markers, range, withStore } from '../../../../../support/database/storeFixtures';
import { repoRoot, tempDataDir } from '../../../../../support/webHost';

/** A data dir holding markers 1..10, with a backup of markers 1..5 staged for restore. */
async function dataDirWithStagedRestore(): Promise<string> {
  const { dataDir, backup } = await dataDirWithBackup();
  copyFileSync(backup, pendingRestoreFile(dataDir));
  return dataDir;
}

/** A data dir holding markers 1..10, and a backup file (elsewhere) of markers 1..5. */
async function dataDirWithBackup(): Promise<{ dataDir: string; backup: string }> {
  const dataDir = tempDataDir('deskline-restore-crash-');
  const backup = path.join(tempDataDir('deskline-restore-backup-'), 'five.sqlite');
  await withStore(dataDir, async (store) => {
    await commitMarkers(store, 1, 5);
    await store.backupTo(backup);
    await commitMarkers(store, 6, 10);
  });
  return { dataDir, backup };
}

function restoreKilledAfter(dataDir: string, step: RestoreStep, backupFile?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'tests/support/database/restoreUntil.ts', dataDir, step, ...(backupFile ? [backupFile] : [])], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
}

/** What a host start does: apply (or finish) the staged restore under the lock, then open the store. */
async function startAndReadMarkers(dataDir: string): Promise<number[]> {
  const lock = acquireDataDirLock(dataDir);
  try {
    await applyPendingRestore(dataDir);
  } finally {
    lock.release();
  }
  return withStore(dataDir, (store) => markers(store));
}

describe('a staged restore killed half-way (S-6 data safety)', () => {
  for (const step of ['staged', 'marked', 'movedAside', 'installed'] as RestoreStep[]) {
    it(`killed after "${step}": the next start has the data (restored), never an empty database`, async () => {
      const dataDir = await dataDirWithStagedRestore();
      const killed = restoreKilledAfter(dataDir, step);
      expect(killed.signal).toBe('SIGKILL');
      expect(await startAndReadMarkers(dataDir)).toEqual(range(1, 5));
      expect(existsSync(pendingRestoreFile(dataDir))).toBe(false);
      // The data from before the restore is kept aside, whole.
      const aside = readdirSync(dataDir).filter((n) => n.startsWith('db-replaced-'));
      expect(aside).toHaveLength(1);
    });
  }

  for (const step of ['staged', 'movedAside'] as RestoreStep[]) {
    it(`\`npm run restore\` killed after "${step}": the next start has the ${step === 'staged' ? 'previous' : 'restored'} data, never an empty database`, async () => {
      const { dataDir, backup } = await dataDirWithBackup();
      const killed = restoreKilledAfter(dataDir, step, backup);
      expect(killed.signal).toBe('SIGKILL');
      // Before the marker nothing changed; after it, the next start completes the swap.
      expect(await startAndReadMarkers(dataDir)).toEqual(step === 'staged' ? range(1, 10) : range(1, 5));
      expect(readdirSync(dataDir).filter((n) => n === 'db.restoring' || n === 'restore-swap.json')).toEqual([]);
    });
  }

  it('a restore that fails half-way (an I/O error) keeps the previous database, and the host still starts', async () => {
    const dataDir = await dataDirWithStagedRestore();
    const lock = acquireDataDirLock(dataDir);
    try {
      await applyPendingRestore(dataDir, {
        afterStep: (step) => {
          if (step === 'movedAside') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      }).catch(() => null);
    } finally {
      lock.release();
    }
    // Past the marker the restore goes forward, at once or at the next start.
    expect(await startAndReadMarkers(dataDir)).toEqual(range(1, 5));
  });

  it('a staged file that is not a usable backup is set aside and the current data stays', async () => {
    const dataDir = tempDataDir('deskline-restore-bad-');
    await withStore(dataDir, (store) => commitMarkers(store, 1, 3));
    writeFileSync(pendingRestoreFile(dataDir), 'not a database at all');
    const lock = acquireDataDirLock(dataDir);
    let notice: string | null;
    try {
      notice = await applyPendingRestore(dataDir);
    } finally {
      lock.release();
    }
    expect(notice).toMatch(/^The staged restore was not applied \(.*is not a readable Deskline backup.*\); the current data is unchanged and the file was kept as .*restore-failed-\d+\.sqlite\.$/);
    expect(existsSync(pendingRestoreFile(dataDir))).toBe(false);
    expect(await withStore(dataDir, (store) => markers(store))).toEqual(range(1, 3));
  });
});

describe("restore's integrity check", () => {
  it('runs in a worker thread: the main thread keeps ticking while a large file is checked', async () => {
    // About 20 MB: PRAGMA integrity_check on it takes hundreds of milliseconds.
    const db = await openDatabase(null);
    db.run('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT)');
    db.run('CREATE INDEX ta ON t(a)');
    db.run("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 120000) INSERT INTO t SELECT x, hex(randomblob(16)), hex(randomblob(24)) FROM c");
    const file = path.join(tempDataDir('deskline-restore-big-'), 'big.sqlite');
    writeFileSync(file, db.export());
    db.close();

    const workers: unknown[] = [];
    const onWorker = (message: unknown) => workers.push(message);
    diagnostics.subscribe('worker_threads', onWorker);
    let last = performance.now();
    let maxGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    try {
      // Not a Deskline database (no schema version), but every page is checked before that is known.
      await expect(checkBackup(file)).rejects.toThrow(/schema version 0/);
    } finally {
      clearInterval(ticker);
      diagnostics.unsubscribe('worker_threads', onWorker);
    }
    const took = performance.now() - started;
    expect(workers).toHaveLength(1);
    // On the main thread the longest pause would be nearly the whole check; generous margin for a busy machine.
    expect(maxGap).toBeLessThan(took / 2);
  });
});
