// S-6: `npm run audit -- verify --data-dir <dir>` tells an intact audit log from one whose rows were
// edited or removed behind the app's back. The tampering goes around the append-only triggers the
// way someone with the database files would: on a copy of the data dir, the trigger is dropped and
// the row changed in a commit of its own. Real store, real CLI process, no mocks.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../../../electron/adapters/store/engine/store';
import { createAuditLogStoreRepository } from '../../../../../../electron/adapters/store/repositories/audit/auditLogRepository';
import { repoRoot, tempDataDir } from '../../../../../support/webHost';

function verify(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'electron/adapters/store/cli/audit.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A data dir whose audit log holds three entries written the way the app writes them. */
async function seeded(): Promise<string> {
  const dataDir = tempDataDir('deskline-audit-verify-');
  const store = await openStore({ dataDir });
  const audit = createAuditLogStoreRepository(store);
  await audit.record({ at: Date.UTC(2026, 10, 23, 1), actorId: 'local', actorRole: 'agent', action: 'customer.view', subject: 'cust-1', detail: null });
  await audit.record({ at: Date.UTC(2026, 10, 23, 2), actorId: 'local', actorRole: 'teamLead', action: 'calls.export', subject: null, detail: { count: 12, fullNumbers: true } });
  await audit.record({ at: Date.UTC(2026, 10, 23, 3), actorId: 'admin-1', actorRole: 'admin', action: 'settings.change', subject: 'saveClockSettings', detail: { fields: ['holdStepSeconds'] } });
  await store.close();
  return dataDir;
}

/** A copy of the data dir with `statements` committed to it directly. */
async function tamperedCopy(dataDir: string, statements: string[]): Promise<string> {
  const copy = tempDataDir('deskline-audit-tampered-');
  cpSync(dataDir, copy, { recursive: true });
  const store = await openStore({ dataDir: copy });
  try {
    await store.commit(statements.map((sql) => ({ sql })));
  } finally {
    await store.close();
  }
  return copy;
}

describe('npm run audit -- verify', () => {
  it('passes an intact log with a summary, and fails naming the row whose detail was edited', async () => {
    const dataDir = await seeded();
    const intact = verify('verify', '--data-dir', dataDir);
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toMatch(/^The audit log is intact: 3 rows checked, .*Last row 3, hash [0-9a-f]{64}\./);

    const edited = await tamperedCopy(dataDir, [
      'DROP TRIGGER audit_log_no_update',
      `UPDATE audit_log SET detail_json = '{"count":12,"fullNumbers":false}' WHERE id = 2`,
    ]);
    const result = verify('verify', '--data-dir', edited);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/The audit log is NOT intact: row 2 fails, its contents do not match its hash: the row was changed after it was written\. 1 row before it checks out\./);
    // The original is untouched and still checks out.
    expect(verify('verify', '--data-dir', dataDir).code).toBe(0);
  });

  it('fails naming the row after one that was deleted', async () => {
    const deleted = await tamperedCopy(await seeded(), ['DROP TRIGGER audit_log_no_delete', 'DELETE FROM audit_log WHERE id = 2']);
    const result = verify('verify', '--data-dir', deleted);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/row 3 fails, its previous-row hash does not match row 1: a row before it was removed, inserted or changed/);
  });

  it('refuses changes and deletions through the store itself (append-only), losing nothing', async () => {
    const dataDir = await seeded();
    const store = await openStore({ dataDir });
    try {
      await expect(store.commit([{ sql: "UPDATE audit_log SET actor_id = 'someone-else' WHERE id = 1" }])).rejects.toThrow(/append-only \(S-6\): a row cannot be changed/);
      await expect(store.commit([{ sql: 'DELETE FROM audit_log' }])).rejects.toThrow(/append-only \(S-6\): a row cannot be deleted/);
      expect(await store.query('SELECT count(*) AS n FROM audit_log WHERE actor_id != ?', ['someone-else'])).toEqual([{ n: 3 }]);
    } finally {
      await store.close();
    }
    expect(verify('verify', '--data-dir', dataDir).code).toBe(0);
  });

  it('says what it expected when the arguments are wrong, and reads nothing', () => {
    expect(verify('verify')).toMatchObject({ code: 1, stderr: expect.stringContaining('--data-dir is required. Usage: npm run audit -- verify --data-dir <dir>') });
    expect(verify('check', '--data-dir', '/tmp')).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no audit command "check"') });
    expect(verify('verify', '--data-dir', path.join(tempDataDir(), 'nothing-here'))).toMatchObject({ code: 1, stderr: expect.stringContaining('holds no Deskline database') });
  });
});
