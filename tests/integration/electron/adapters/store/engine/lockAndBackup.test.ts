// One writer per data dir, and backups that round-trip: through the CLIs (while Deskline runs, for
// backup) and through the contract (backupNow + stageRestore, applied at the next start).
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, lockFileName } from '../../../../../../electron/adapters/store/engine/dataDirLock';
import { latestSchemaVersion } from '../../../../../../electron/adapters/store/migrations';
import { openStore } from '../../../../../../electron/adapters/store/engine/store';
import { openContractSocket, type ContractSocket } from '../../../../../support/contractSocket';
import { commitMarkers, markers, range, withStore } from '../../../../../support/database/storeFixtures';
import { repoRoot, startWebHost, tempDataDir, type RunningWebHost } from '../../../../../support/webHost';

const hosts: RunningWebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

/** Contract calls that return the value, or throw "CODE: message" from an error envelope. */
async function connectContract(host: RunningWebHost) {
  const socket: ContractSocket = await openContractSocket(host);
  const call = async <T = unknown>(method: string, payload: unknown): Promise<T> => {
    const reply = await socket.request(method, payload);
    if (!reply.ok) throw new Error(`${reply.error!.code}: ${reply.error!.message}`);
    return reply.value as T;
  };
  return { call, close: () => socket.close() };
}

function runCli(name: 'backup' | 'restore', args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `electron/adapters/store/cli/${name}.ts`, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('one writer per data dir', () => {
  it('refuses a second open in the same process with a clear error', async () => {
    const dataDir = tempDataDir('deskline-lock-');
    const store = await openStore({ dataDir });
    await expect(openStore({ dataDir })).rejects.toThrow(DataDirLockedError);
    await store.close();
    await withStore(dataDir, async () => {}); // released on close
  });

  it('makes a second web host on the same data dir exit with code 3 and say why', async () => {
    const first = await startWebHost();
    hosts.push(first);
    const second = spawnSync(process.execPath, [path.join(repoRoot, '.out/main/web-host.js'), '--port', '0', '--data-dir', first.dataDir], { encoding: 'utf8', timeout: 20_000 });
    expect(second.status).toBe(3);
    expect(second.stderr).toContain(`Deskline is already running with the data folder ${first.dataDir} (process ${first.process.pid})`);
    expect(second.stdout).not.toMatch(/Deskline ready/);
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dataDir = tempDataDir('deskline-stale-');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(dataDir, lockFileName), `${dead.stdout}\n`);
    const lock = acquireDataDirLock(dataDir);
    lock.release();
    expect(existsSync(path.join(dataDir, lockFileName))).toBe(false);
  });
});

describe('backup and restore from the command line', () => {
  it('backs up while Deskline runs, refuses to restore while it runs, and restores once it is closed', async () => {
    const dataDir = tempDataDir('deskline-cli-');
    const out = path.join(tempDataDir('deskline-backups-'), 'nightly.sqlite');
    const store = await openStore({ dataDir });
    await commitMarkers(store, 1, 30);

    const backup = runCli('backup', ['--data-dir', dataDir, '--out', out]);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    // One journal record per migration, then the 30 markers.
    expect(backup.stdout).toMatch(new RegExp(`^Backed up 0 calls \\(journal record ${latestSchemaVersion + 30}, \\d+ bytes\\) to .*nightly\\.sqlite\\.\\n$`));
    expect(runCli('backup', ['--data-dir', dataDir, '--out', out]).stderr).toMatch(/already exists/);

    const whileRunning = runCli('restore', ['--data-dir', dataDir, '--in', out]);
    expect(whileRunning.code).toBe(3);
    expect(whileRunning.stderr).toMatch(/already running/);

    await commitMarkers(store, 31, 40); // after the backup: the restore must take them away
    await store.close();

    const restore = runCli('restore', ['--data-dir', dataDir, '--in', out]);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(new RegExp(`^Restored 0 calls and 0 customers \\(schema ${latestSchemaVersion}\\) from .*nightly\\.sqlite\\. The previous data was kept in .*db-replaced-\\d+\\.\\n$`));
    await withStore(dataDir, async (restored) => {
      expect(await markers(restored)).toEqual(range(1, 30));
      await commitMarkers(restored, 31, 31);
    });
    await withStore(dataDir, async (restored) => expect(await markers(restored)).toEqual(range(1, 31)));
  });

  it('rejects a file that is not a Deskline backup and changes nothing', async () => {
    const dataDir = tempDataDir('deskline-badbackup-');
    await withStore(dataDir, (store) => commitMarkers(store, 1, 3));
    const bogus = path.join(dataDir, 'bogus.sqlite');
    writeFileSync(bogus, 'this is not a database');
    const restore = runCli('restore', ['--data-dir', dataDir, '--in', bogus]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/is not a readable Deskline backup/);
    await withStore(dataDir, async (store) => expect(await markers(store)).toEqual(range(1, 3)));
  });

  it('says what it needs when an option is missing', () => {
    const result = runCli('backup', ['--data-dir', '/tmp']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--out is required. Usage: npm run backup -- --data-dir <dir> --out <file>');
  });
});

describe('backup and restore through the contract', () => {
  it('an admin backs up, stages a restore, and the next start restores it and says so', async () => {
    const dataDir = tempDataDir('deskline-contract-restore-');
    // Each step is a separate run of the host, in the role that step needs.
    const session = async <T>(role: string, body: (api: Awaited<ReturnType<typeof connectContract>>) => Promise<T>) => {
      const host = await startWebHost({ dataDir, extraArgs: ['--role', role] });
      hosts.push(host);
      const api = await connectContract(host);
      try {
        return await body(api);
      } finally {
        api.close();
        await host.stop();
        hosts.pop();
      }
    };
    await session('agent', (api) => api.call('setAgentState', { state: { kind: 'ready' } }));
    const backup = await session('admin', async (api) => {
      const made = await api.call<{ fileName: string }>('backupNow', {});
      expect((await api.call<Array<{ fileName: string }>>('listBackups', {})).map((b) => b.fileName)).toEqual([made.fileName]);
      return made;
    });
    expect(backup.fileName).toMatch(/^deskline-.*\.sqlite$/);
    await session('agent', (api) => api.call('setAgentState', { state: { kind: 'notReady', reason: 'lunch' } }));
    await session('admin', async (api) => {
      const staged = await api.call<{ message: string }>('stageRestore', { fileName: backup.fileName });
      expect(staged.message).toMatch(/will be restored when Deskline next starts/);
    });
    await session('agent', async (api) => {
      expect((await api.call<{ state: unknown }>('getAgentState', {})).state).toEqual({ kind: 'ready' });
      expect((await api.call<{ notices: string[] }>('getStoreStatus', {})).notices.join(' ')).toMatch(/^Restored a backup .* the previous data was kept in /);
    });
  });

  it('refuses backups to an agent, in the main process', async () => {
    const host = await startWebHost();
    hosts.push(host);
    const api = await connectContract(host);
    await expect(api.call('backupNow', {})).rejects.toThrow(/FORBIDDEN|not allowed/i);
    await expect(api.call('stageRestore', { fileName: '../../etc/passwd' })).rejects.toThrow(/VALIDATION|FORBIDDEN|file name/i);
    api.close();
  });
});
