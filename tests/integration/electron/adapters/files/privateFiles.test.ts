// S-6: every file under the data folder is 0600 in 0700 folders: as created by the real store (in a
// process with a permissive umask, so the explicit modes are what counts) and by the real web host
// (settings, key, secrets, journal, snapshots, backups, lock), and files left 0644/0755 by older
// versions are tightened when the host starts.
import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tightenDataDir } from '../../../../../electron/adapters/files/privateFiles';
import { openContractSocket } from '../../../../support/contractSocket';
import { commitMarkers, withStore } from '../../../../support/database/storeFixtures';
import { repoRoot, startWebHost, tempDataDir, type RunningWebHost } from '../../../../support/webHost';

const posix = process.platform !== 'win32';

/** Every file and folder under `dir` whose mode is not 0600 (files) / 0700 (folders). */
function looseModes(dir: string): string[] {
  const loose: string[] = [];
  const visit = (full: string) => {
    const stat = lstatSync(full);
    if (stat.isSymbolicLink()) return;
    const mode = stat.mode & 0o777;
    const want = stat.isDirectory() ? 0o700 : 0o600;
    if (mode !== want) loose.push(`${path.relative(dir, full) || '.'} ${mode.toString(8)}`);
    if (stat.isDirectory()) for (const name of readdirSync(full)) visit(path.join(full, name));
  };
  visit(dir);
  return loose;
}

function allEntries(dir: string): string[] {
  return readdirSync(dir, { recursive: true }).map(String).sort();
}

let previousUmask = 0;
beforeAll(() => {
  // Like a default desktop session: without Deskline's own care, new files would be 0644.
  if (isMainThread) previousUmask = process.umask(0o022);
});
afterAll(() => {
  if (isMainThread) process.umask(previousUmask);
});

const hosts: RunningWebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.stop();
});

describe.runIf(posix)('data-folder file modes (S-6)', () => {
  it('the store creates its folder, journal, snapshots, manifests, backups and lock private, even under umask 022', async () => {
    const dataDir = path.join(tempDataDir('deskline-modes-store-'), 'data'); // created by the store
    await withStore(dataDir, async (store) => {
      await commitMarkers(store, 1, 5);
      await store.snapshotNow();
      await commitMarkers(store, 6, 7);
      await store.backupTo(path.join(dataDir, 'backups', 'nightly.sqlite'));
      expect(allEntries(dataDir)).toEqual(expect.arrayContaining(['deskline.lock', 'backups/nightly.sqlite', expect.stringMatching(/^db\/snapshot-\d+\.sqlite$/), expect.stringMatching(/^db\/journal-\d+\.log$/)]));
      expect(looseModes(dataDir)).toEqual([]);
    });
    expect(looseModes(dataDir)).toEqual([]);
  });

  it('the web host creates settings, key, secrets and backups private, and tightens what an older version left open', async () => {
    const dataDir = tempDataDir('deskline-modes-host-');
    chmodSync(dataDir, 0o755);
    mkdirSync(path.join(dataDir, 'exports'), { mode: 0o755 });
    chmodSync(path.join(dataDir, 'exports'), 0o755);
    writeFileSync(path.join(dataDir, 'exports', 'calls-2025.csv'), 'number\n13800138000\n', { mode: 0o644 });
    chmodSync(path.join(dataDir, 'exports', 'calls-2025.csv'), 0o644);
    writeFileSync(path.join(dataDir, 'settings.json'), '{}', { mode: 0o666 });
    chmodSync(path.join(dataDir, 'settings.json'), 0o666);
    // A link is not followed: its target, outside the data folder, keeps its mode.
    const outside = path.join(tempDataDir('deskline-modes-outside-'), 'shared.txt');
    writeFileSync(outside, 'not ours');
    chmodSync(outside, 0o644);
    symlinkSync(outside, path.join(dataDir, 'link-to-outside'));

    const host = await startWebHost({ dataDir, extraArgs: ['--role', 'admin'] });
    hosts.push(host);
    const socket = await openContractSocket(host);
    const ok = async (method: string, payload: unknown) => {
      const reply = await socket.request(method, payload);
      expect(reply, method).toMatchObject({ ok: true });
    };
    await ok('saveSoftphoneSettings', {
      serverUrl: 'ws://127.0.0.1:9',
      sipUri: 'sip:1001@deskline.test',
      authUser: '',
      displayName: 'Agent',
      iceServers: [],
      declineCode: 603,
      dtmfMode: 'rfc4733',
      rejectCallWaiting: false,
      password: 'agent-secret',
    });
    await ok('backupNow', {});
    socket.close();
    await host.stop();
    hosts.pop();

    expect(host.stderr()).toMatch(/Data folder access narrowed to this user only \(S-6\): 4 item\(s\)/);
    expect(host.stderr()).toContain('exports/calls-2025.csv (was 644)');
    expect(allEntries(dataDir)).toEqual(
      expect.arrayContaining(['settings.json', 'secret.key', 'secrets.json', 'audit-pending', expect.stringMatching(/^backups\/deskline-.*\.sqlite$/), expect.stringMatching(/^db\/journal-\d+\.log$/)]),
    );
    expect(looseModes(dataDir)).toEqual([]);
    expect(lstatSync(outside).mode & 0o777).toBe(0o644);
  });

  it('`npm run backup` and `npm run report` write their files private, in private new folders', async () => {
    const dataDir = tempDataDir('deskline-modes-cli-');
    await withStore(dataDir, (store) => commitMarkers(store, 1, 2));
    const outDir = path.join(tempDataDir('deskline-modes-cli-out-'), 'new-folder');
    const run = (cli: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', `electron/adapters/store/cli/${cli}.ts`, ...args], { cwd: repoRoot, encoding: 'utf8' });
    const backup = run('backup', ['--data-dir', dataDir, '--out', path.join(outDir, 'nightly.sqlite')]);
    expect(backup.stderr).toBe('');
    const report = run('report', ['calls', '--data-dir', dataDir, '--from', '2026-11-23', '--to', '2026-11-23', '--format', 'csv', '--out', path.join(outDir, 'calls.csv')]);
    expect(report.stderr).toBe('');
    expect(allEntries(outDir)).toEqual(['calls.csv', 'nightly.sqlite']);
    expect(looseModes(outDir)).toEqual([]);
    expect(looseModes(dataDir)).toEqual([]); // including the audit entry the report left
  });

  it('tightening is bounded: it stops at the entry limit and says so', () => {
    const dataDir = tempDataDir('deskline-modes-bounded-');
    for (let i = 0; i < 5; i++) writeFileSync(path.join(dataDir, `f${i}`), '', { mode: 0o644 });
    const result = tightenDataDir(dataDir, { maxEntries: 3 });
    expect(result.truncated).toBe(true);
    expect(result.changed.length).toBeLessThanOrEqual(3);
    expect(tightenDataDir(dataDir, {}, 'win32')).toEqual({ changed: [], truncated: false, failed: [] });
  });
});
