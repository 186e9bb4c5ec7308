// Issue 12: snapshots are rebuilt in a process of their own (rebuildProcess.ts). That process
// dying half-way costs nothing acknowledged, closing the store stops it, and it never outlives its
// host: an orphan writing a gigabyte snapshot into a data folder a new host already owns is exactly
// what must not happen.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../../../electron/adapters/store/engine/store';
import { storePaths } from '../../../../../../electron/adapters/store/engine/storeFiles';
import { childProcesses, isRunning, waitFor } from '../../../../../support/database/processTree';
import { commitMarkers, markerInsert, markers, range } from '../../../../../support/database/storeFixtures';
import { repoRoot, tempDataDir } from '../../../../../support/webHost';

const ballast = (bytes: number) => ({ sql: `INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (0, 'test', 'agent', 'ballast', '', zeroblob(${bytes}))` });
const unfinished = (dataDir: string) => readdirSync(storePaths(dataDir).dir).filter((n) => /^snapshot-\d{12}\.(sqlite|json)\.tmp$/.test(n));
const imageHalfWritten = (dataDir: string) => readdirSync(storePaths(dataDir).dir).some((n) => /^snapshot-\d{12}\.sqlite\.tmp$/.test(n));
const manifests = (dataDir: string) => readdirSync(storePaths(dataDir).dir).filter((n) => /^snapshot-\d{12}\.json$/.test(n)).sort();
const rebuildChildren = (parent: number) => childProcesses(parent, 'rebuildProcess');

/** Starts a snapshot and waits until its rebuild process is half-way through writing the file. */
async function snapshotHalfWritten(store: Store, dataDir: string): Promise<{ snapshot: Promise<unknown>; pid: number }> {
  const snapshot = store.snapshotNow();
  snapshot.catch(() => {}); // awaited by the caller
  let pid = 0;
  const found = await waitFor(() => {
    pid = rebuildChildren(process.pid)[0] ?? 0;
    return pid !== 0 && unfinished(dataDir).length > 0;
  }, 30_000);
  expect(found, 'a rebuild process writing a snapshot').toBe(true);
  return { snapshot, pid };
}

describe.runIf(process.platform === 'linux')('the rebuild process', () => {
  it('killed half-way: the snapshot fails, every acknowledged commit is kept, and the next snapshot (a new process) clears its temp file', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir('deskline-rebuild-kill-');
    let store = await openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 });
    try {
      await commitMarkers(store, 1, 50);
      await store.commit([ballast(64 * 1024 * 1024)]);
      const { snapshot, pid } = await snapshotHalfWritten(store, dataDir);
      process.kill(pid, 'SIGKILL');
      await expect(snapshot).rejects.toThrow(/Snapshot failed: the rebuild process ended early \(SIGKILL\)/);
      expect(store.status().lastSnapshotSeq).toBeNull(); // the killed snapshot never counted
      await commitMarkers(store, 51, 60); // the store goes on taking commits
      expect((await store.snapshotNow())?.seq).toBe(store.status().lastSeq);
      expect(unfinished(dataDir)).toEqual([]);
      await store.close();

      store = await openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 });
      expect(await markers(store)).toEqual(range(1, 60));
    } finally {
      await store.close();
    }
  });

  it('is stopped when the store closes, instead of the close waiting for it', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir('deskline-rebuild-close-');
    const store = await openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 });
    await store.commit([markerInsert(1), ballast(64 * 1024 * 1024)]);
    const { snapshot, pid } = await snapshotHalfWritten(store, dataDir);
    await store.close();
    await expect(snapshot).rejects.toThrow(/stopped: the store is closing/);
    expect(await waitFor(() => !isRunning(pid), 5_000), 'the rebuild process has ended').toBe(true);

    const reopened = await openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 });
    try {
      expect(await markers(reopened)).toEqual([1]);
    } finally {
      await reopened.close();
    }
  });

  it('exits when its host is killed, instead of writing on as an orphan', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir('deskline-rebuild-orphan-');
    const host = spawn(process.execPath, ['--import', 'tsx', 'tests/support/database/rebuildOrphanHost.ts', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let ready = false;
      host.stdout.on('data', (d: Buffer) => (ready ||= d.toString().includes('ready')));
      let pid = 0;
      const writing = await waitFor(() => {
        pid = ready ? (rebuildChildren(host.pid!)[0] ?? 0) : 0;
        return pid !== 0 && imageHalfWritten(dataDir);
      }, 60_000);
      expect(writing, 'the host has a rebuild process writing a snapshot').toBe(true);
      host.kill('SIGKILL');
      const before = manifests(dataDir);
      expect(await waitFor(() => !isRunning(pid), 10_000, 20), 'the orphaned rebuild process has exited').toBe(true);
      expect(manifests(dataDir), 'the snapshot it was writing was never finished').toEqual(before);
    } finally {
      host.kill('SIGKILL');
    }
  });
});
