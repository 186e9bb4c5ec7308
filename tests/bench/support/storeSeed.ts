// Seeding the store benchmarks: a snapshot holding N calls with realistic notes, built directly in
// sql.js (seeding is not what is measured) and cached between runs (shared by store*.bench.ts).
import { copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyMigration, openDatabase, schemaVersion } from '../../../electron/adapters/store/engine/sqlEngine';
import { writeSnapshot } from '../../../electron/adapters/store/engine/snapshotWriter';
import { manifestFile, snapshotFile, storePaths } from '../../../electron/adapters/store/engine/storeFiles';
import { latestSchemaVersion } from '../../../electron/adapters/store/migrations';
import { insertCall } from '../../support/database/callRows';
import { realisticNote } from '../../support/database/realisticNotes';

const agents = 50;
const days = 90;
export const now = Date.UTC(2026, 10, 23, 10, 0, 0);

/**
 * Seeding 1M calls takes minutes, so the seeded snapshot is kept in a cache folder (default
 * <tmp>/deskline-bench-seed; DESKLINE_BENCH_SEED_CACHE=off to rebuild every time) and linked into
 * each run's fresh data folder. The store never writes a snapshot file in place (temp + rename),
 * so sharing the inode is safe.
 */
const seedCache = process.env.DESKLINE_BENCH_SEED_CACHE ?? path.join(os.tmpdir(), 'deskline-bench-seed');

export async function seed(dataDir: string, calls: number): Promise<void> {
  const dir = storePaths(dataDir).dir;
  mkdirSync(dir, { recursive: true });
  if (seedCache === 'off') return writeSeed(dir, calls);
  const cached = path.join(seedCache, `calls-${calls}-schema-${latestSchemaVersion}-v1`);
  if (!existsSync(manifestFile(cached, 0))) {
    const building = `${cached}.building-${process.pid}`;
    mkdirSync(building, { recursive: true });
    await writeSeed(building, calls);
    rmSync(cached, { recursive: true, force: true });
    renameSync(building, cached);
  }
  for (const file of [snapshotFile(cached, 0), manifestFile(cached, 0)]) {
    const target = path.join(dir, path.basename(file));
    try {
      linkSync(file, target);
    } catch {
      copyFileSync(file, target); // another file system
    }
  }
}

/** Writes a snapshot holding `calls` calls (built directly in sql.js: seeding is not what we measure). */
async function writeSeed(dir: string, calls: number): Promise<void> {
  const db = await openDatabase(null);
  for (let v = 1; v <= latestSchemaVersion; v++) applyMigration(db, v);
  const spacing = (days * 86_400_000) / calls;
  const statement = insertCall({ id: '', agentId: '', startedAt: 0 });
  const prepared = db.prepare(statement.sql);
  db.run('BEGIN');
  for (let i = 0; i < calls; i++) {
    const startedAt = Math.round(now - days * 86_400_000 + i * spacing);
    const row = insertCall({
      id: `call-${i}`,
      agentId: `agent-${i % agents}`,
      remoteNumber: `1380013${String(i % 10_000).padStart(4, '0')}`,
      startedAt,
      outcome: i % 17 === 0 ? 'abandoned' : 'answered',
      timeToAnswerMs: i % 17 === 0 ? null : 2_000 + ((i * 7919) % 20_000),
      talkMs: 60_000 + ((i * 104_729) % 400_000),
      holdMs: i % 5 === 0 ? 30_000 : 0,
      isComplaint: i % 40 === 0,
      notes: realisticNote(i),
    });
    prepared.run(row.params!);
    if (i % 20_000 === 19_999) {
      db.run('COMMIT');
      db.run('BEGIN');
    }
  }
  db.run('COMMIT');
  prepared.free();
  const image = db.export();
  writeSnapshot(dir, 0, image, schemaVersion(db));
  db.close();
}

