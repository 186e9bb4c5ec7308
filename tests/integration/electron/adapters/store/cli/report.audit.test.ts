// S-6: an export from the command line reaches the audit log too. The CLI cannot write the
// database (it reads it without the app's lock), so it records the export durably in the data
// dir before writing the file; the app moves it into audit_log at start, or at once while running.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverDatabase } from '../../../../../../electron/adapters/store/engine/recovery';
import { queryRows } from '../../../../../../electron/adapters/store/engine/sqlEngine';
import { openStore } from '../../../../../../electron/adapters/store/engine/store';
import { storePaths } from '../../../../../../electron/adapters/store/engine/storeFiles';
import { repoRoot, startWebHost, tempDataDir } from '../../../../../support/webHost';

function report(dataDir: string, out: string) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'electron/adapters/store/cli/report.ts', 'calls', '--data-dir', dataDir, '--from', '2026-11-01', '--to', '2026-11-30', '--format', 'json', '--out', out, '--full-numbers'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  return { code: result.status, stderr: result.stderr };
}

/** The audit log as a reader sees it now (read-only, like the CLI: works while the app runs). */
async function exportAuditRows(dataDir: string) {
  const { db } = await recoverDatabase(storePaths(dataDir), { readOnly: true });
  try {
    return queryRows(db, "SELECT actor_id, actor_role, action, detail_json FROM audit_log WHERE action = 'calls.export'");
  } finally {
    db.close();
  }
}

async function seeded(): Promise<string> {
  const dataDir = tempDataDir('deskline-report-audit-');
  const store = await openStore({ dataDir });
  await store.commit([
    {
      sql: `INSERT INTO calls (id, agent_id, direction, remote_number, outcome, started_at) VALUES ('c1', 'local', 'inbound', '13812345678', 'answered', ?)`,
      params: [Date.UTC(2026, 10, 23, 2)],
    },
  ]);
  await store.close();
  return dataDir;
}

describe('command-line export in the audit log', () => {
  it('is recorded before the file is written and imported when the app opens the data dir', async () => {
    const dataDir = await seeded();
    const out = path.join(tempDataDir('deskline-report-out-'), 'calls.json');
    expect(report(dataDir, out)).toMatchObject({ code: 0, stderr: '' });
    const pendingDir = path.join(dataDir, 'audit-pending');
    const pending = readdirSync(pendingDir);
    expect(pending).toHaveLength(1);
    expect(JSON.parse(readFileSync(path.join(pendingDir, pending[0]!), 'utf8'))).toMatchObject({ actorRole: 'admin', action: 'calls.export', detail: { via: 'npm run report', fullNumbers: true, count: 1, out } });

    const host = await startWebHost({ dataDir });
    try {
      await expect.poll(() => readdirSync(pendingDir), { timeout: 10_000 }).toEqual([]);
      // While the app runs, a new export is imported without a restart.
      expect(report(dataDir, `${out}.2`)).toMatchObject({ code: 0 });
      await expect.poll(async () => (await exportAuditRows(dataDir)).length, { timeout: 10_000 }).toBe(2);
    } finally {
      await host.stop();
    }
    const rows = await exportAuditRows(dataDir);
    expect(rows.map((r) => [String(r.actor_id).startsWith('os-user:'), r.actor_role, JSON.parse(String(r.detail_json)).out])).toEqual([
      [true, 'admin', out],
      [true, 'admin', `${out}.2`],
    ]);
  });

  it('no audit entry, no export: when the entry cannot be written, nothing is exported', async () => {
    const dataDir = await seeded();
    // A file where the pending-entry folder should be: the entry cannot be written.
    spawnSync('touch', [path.join(dataDir, 'audit-pending')]);
    chmodSync(path.join(dataDir, 'audit-pending'), 0o400);
    const out = path.join(tempDataDir('deskline-report-out-'), 'calls.json');
    const result = report(dataDir, out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Deskline: /);
    expect(existsSync(out)).toBe(false);
  });
});
