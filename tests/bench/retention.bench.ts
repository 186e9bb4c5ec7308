// Retention benchmark (S-6, issue 13): a run's batch commits must not grow with the database. Half
// the seeded calls (realistic notes) are older than the cutoff; the dry run is timed whole, and each
// batch of a run is timed (its page query + its commit) at each size. Sizes:
// DESKLINE_RETENTION_BENCH_SIZES=10000,100000 (default).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigration, openDatabase, schemaVersion } from '../../electron/adapters/store/engine/sqlEngine';
import { writeSnapshot } from '../../electron/adapters/store/engine/snapshotWriter';
import { storePaths } from '../../electron/adapters/store/engine/storeFiles';
import { openStore } from '../../electron/adapters/store/engine/store';
import { latestSchemaVersion } from '../../electron/adapters/store/migrations';
import { createRetentionStoreRepository } from '../../electron/adapters/store/repositories/retention/retentionRepository';
import type { RetentionCursor } from '../../electron/core/retention/ports';
import { insertCall } from '../support/database/callRows';
import { realisticNote } from '../support/database/realisticNotes';
import { hrMs, ms, printTable, summarize, writeBenchJson, type Summary } from './support/benchStats';

const sizes = (process.env.DESKLINE_RETENTION_BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const day = 86_400_000;
const now = Date.UTC(2026, 10, 23, 10, 0, 0);
const cutoff = now - 365 * day;
/** Batches timed per size: enough for a median, few enough that the 10k store still has them. */
const batchesTimed = 20;

async function seed(dataDir: string, calls: number): Promise<void> {
  const dir = storePaths(dataDir).dir;
  mkdirSync(dir, { recursive: true });
  const db = await openDatabase(null);
  for (let v = 1; v <= latestSchemaVersion; v++) applyMigration(db, v);
  const prepared = db.prepare(insertCall({ id: '', agentId: '', startedAt: 0 }).sql);
  const revision = db.prepare('INSERT INTO note_revisions (call_id, revision, text, saved_at, author_id) VALUES (?, 1, ?, ?, ?)');
  db.run('BEGIN');
  for (let i = 0; i < calls; i++) {
    // Even calls a year and more ago, odd ones in the last 90 days.
    const startedAt = i % 2 === 0 ? cutoff - 30 * day - i * 1000 : now - 90 * day + i * 1000;
    const notes = realisticNote(i);
    prepared.run(insertCall({ id: `call-${i}`, agentId: `agent-${i % 50}`, remoteNumber: `1380013${String(i % 10_000).padStart(4, '0')}`, startedAt, notes }).params!);
    revision.run([`call-${i}`, notes, startedAt + 60_000, `agent-${i % 50}`]);
  }
  db.run('COMMIT');
  prepared.free();
  revision.free();
  writeSnapshot(dir, 0, db.export(), schemaVersion(db));
  db.close();
}

const rows: string[][] = [];
const results: Array<{ calls: number; dryRunMs: number; batch: Summary; commit: Summary }> = [];
for (const calls of sizes) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'deskline-retention-bench-'));
  try {
    await seed(dataDir, calls);
    const store = await openStore({ dataDir });
    const commits: number[] = [];
    const repository = createRetentionStoreRepository({
      query: (sql, params) => store.query(sql, params),
      commit: async (statements) => {
        const t = hrMs();
        const result = await store.commit(statements);
        commits.push(hrMs() - t);
        return result;
      },
    });
    let t = hrMs();
    await repository.count(cutoff);
    const dryRunMs = hrMs() - t;
    const batches: number[] = [];
    let cursor: RetentionCursor | null = null;
    for (let i = 0; i < batchesTimed; i++) {
      t = hrMs();
      cursor = (await repository.runBatch(cutoff, now, cursor)).next;
      batches.push(hrMs() - t);
      if (cursor === null) break;
    }
    await store.close();
    const batch = summarize(batches);
    const commit = summarize(commits);
    results.push({ calls, dryRunMs, batch, commit });
    rows.push([String(calls), ms(dryRunMs), ms(batch.median), ms(batch.p95), ms(commit.median), ms(commit.p95)]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
printTable('Retention (half the calls old, 200 calls per batch)', ['calls', 'dry run', 'batch median', 'batch p95', 'commit median', 'commit p95'], rows);
writeBenchJson('retention', results);
