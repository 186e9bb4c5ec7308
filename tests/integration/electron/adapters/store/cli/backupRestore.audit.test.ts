// S-6 (issue 13): backups and restores reach the audit log, also from the command line. The CLIs
// cannot write the database, so they leave their entry in <data-dir>/audit-pending/ (as `npm run
// report` does); a restore applied at start is recorded in the log the restore brings back, and
// the chain still verifies afterwards.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingRestoreFile } from '../../../../../../electron/adapters/store/engine/backupFiles';
import { recoverDatabase } from '../../../../../../electron/adapters/store/engine/recovery';
import { queryRows } from '../../../../../../electron/adapters/store/engine/sqlEngine';
import { openStore } from '../../../../../../electron/adapters/store/engine/store';
import { storePaths } from '../../../../../../electron/adapters/store/engine/storeFiles';
import { repoRoot, startWebHost, tempDataDir } from '../../../../../support/webHost';

function cli(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `electron/adapters/store/cli/${script}.ts`, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const pendingEntries = (dataDir: string) => {
  const dir = path.join(dataDir, 'audit-pending');
  return readdirSync(dir).map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>);
};

describe('backups and restores in the audit log', () => {
  it('records npm run backup and npm run restore, and a restore applied at start, in a log that still verifies', async () => {
    const source = tempDataDir('deskline-backup-audit-');
    await (await openStore({ dataDir: source })).close();
    const out = path.join(tempDataDir('deskline-backup-audit-out-'), 'copy.sqlite');
    expect(cli('backup', '--data-dir', source, '--out', out)).toMatchObject({ code: 0, stderr: '' });
    expect(pendingEntries(source)).toEqual([expect.objectContaining({ action: 'backup.create', actorRole: 'admin', subject: 'copy.sqlite', detail: expect.objectContaining({ via: 'npm run backup', out }) })]);

    const target = tempDataDir('deskline-restore-audit-');
    expect(cli('restore', '--data-dir', target, '--in', out)).toMatchObject({ code: 0 });
    expect(pendingEntries(target)).toEqual([expect.objectContaining({ action: 'restore.apply', subject: 'copy.sqlite', detail: expect.objectContaining({ via: 'npm run restore', file: out }) })]);

    // A restore staged for the next start (as the UI stages it) is recorded once it is applied.
    copyFileSync(out, pendingRestoreFile(source));
    const host = await startWebHost({ dataDir: source });
    // The pending backup entry is imported too; wait for it before stopping.
    await expect.poll(() => readdirSync(path.join(source, 'audit-pending')), { timeout: 10_000 }).toEqual([]);
    await host.stop();
    const { db } = await recoverDatabase(storePaths(source), { readOnly: true });
    let rowCount: number | undefined;
    try {
      const rows = queryRows(db, 'SELECT actor_id, action, detail_json FROM audit_log ORDER BY id');
      rowCount = rows.length;
      // The harness's sign-in set-up (identity.*, people.*) is in the log too; these rows are ours.
      const ours = rows.filter((r) => /^(backup|restore)\./.test(String(r.action)));
      expect(ours.map((r) => r.action).sort()).toEqual(['backup.create', 'restore.apply']);
      const applied = rows.find((r) => r.action === 'restore.apply')!;
      expect(applied.actor_id).toBe('deskline:start-up');
      expect(JSON.parse(String(applied.detail_json)).outcome).toMatch(/^Restored a backup with 0 calls and 0 customers/);
    } finally {
      db.close();
    }
    expect(cli('audit', 'verify', '--data-dir', source)).toMatchObject({ code: 0, stdout: expect.stringContaining(`intact: ${rowCount} rows checked`) });
  });
});
