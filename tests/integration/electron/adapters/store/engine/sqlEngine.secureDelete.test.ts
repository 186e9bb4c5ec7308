// S-6: what retention deletes does not live on in the bytes of the database image that snapshots
// and backups are made of (SQLite otherwise leaves deleted rows in free pages).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigration, openDatabase } from '../../../../../../electron/adapters/store/engine/sqlEngine';
import { openStore } from '../../../../../../electron/adapters/store/engine/store';
import { latestSchemaVersion } from '../../../../../../electron/adapters/store/migrations';
import { createRetentionStoreRepository } from '../../../../../../electron/adapters/store/repositories/retention/retentionRepository';
import { insertCall } from '../../../../../support/database/callRows';
import { tempDataDir } from '../../../../../support/webHost';

const secret = 'zq7secretrevisiontext';
const holds = (bytes: Uint8Array) => Buffer.from(bytes).includes(secret);

describe('deleted rows leave no bytes behind (S-6)', () => {
  it('zeroes a deleted row in the exported image', async () => {
    const db = await openDatabase(null);
    for (let v = 1; v <= latestSchemaVersion; v++) applyMigration(db, v);
    for (let i = 0; i < 50; i++) db.run('INSERT INTO note_revisions (call_id, revision, text, saved_at, author_id) VALUES (?, 1, ?, 0, ?)', [`c${i}`, `${secret} ${'x'.repeat(300)}`, 'a']);
    expect(holds(db.export())).toBe(true);
    db.run('DELETE FROM note_revisions');
    expect(holds(db.export())).toBe(false);
    db.close();
  });

  it('leaves no trace of note revisions a retention run deleted in a backup made after it', async () => {
    const dataDir = tempDataDir('deskline-secure-delete-');
    const store = await openStore({ dataDir });
    try {
      await store.commit([
        insertCall({ id: 'old', agentId: 'a', startedAt: Date.UTC(2020, 0, 1) }),
        ...Array.from({ length: 20 }, (_, i) => ({
          sql: 'INSERT INTO note_revisions (call_id, revision, text, saved_at, author_id) VALUES (?, ?, ?, ?, ?)',
          params: ['old', i + 1, `${secret} draft ${i}`, Date.UTC(2020, 0, 1), 'a'],
        })),
      ]);
      const repository = createRetentionStoreRepository(store);
      expect((await repository.runBatch(Date.UTC(2021, 0, 1), Date.UTC(2026, 0, 1), null)).done.noteRevisions).toBe(20);
      const file = path.join(dataDir, 'after-retention.sqlite');
      await store.backupTo(file);
      expect(holds(readFileSync(file))).toBe(false);
    } finally {
      await store.close();
    }
  });
});
