// Store benchmark (issue 3) at 10k, 100k and 1M calls with realistic mixed Chinese/English notes:
// durable commit latency beside the raw append+fdatasync floor, snapshot time and size, start-up
// (snapshot + 10k-record tail), the 30-day dashboard query, FTS search, RSS, and the longest
// main-thread stall while a snapshot runs. Sizes: DESKLINE_BENCH_SIZES=10000,100000 to pick.
import { closeSync, copyFileSync, existsSync, fdatasyncSync, linkSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { agentTotals } from '../../electron/adapters/database/dashboardQueries';
import { applyMigration, openDatabase, schemaVersion } from '../../electron/adapters/database/sqlEngine';
import { searchCalls } from '../../electron/adapters/database/searchQueries';
import { writeSnapshot } from '../../electron/adapters/database/snapshotWriter';
import { manifestFile, snapshotFile, storePaths } from '../../electron/adapters/database/storeFiles';
import { latestSchemaVersion } from '../../electron/adapters/database/migrations';
import { openStore, type SqlStatement, type Store } from '../../electron/adapters/database/store';
import { insertCall } from '../support/database/callRows';
import { realisticNote } from '../support/database/realisticNotes';
import { hrMs, mb, ms, printTable, summarize, writeBenchJson, type Summary } from './support/benchStats';

const sizes = (process.env.DESKLINE_BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const commitSamples = 2000;
const agents = 50;
const days = 90;
const now = Date.UTC(2026, 10, 23, 10, 0, 0);

/**
 * Seeding 1M calls takes minutes, so the seeded snapshot is kept in a cache folder (default
 * <tmp>/deskline-bench-seed; DESKLINE_BENCH_SEED_CACHE=off to rebuild every time) and linked into
 * each run's fresh data folder. The store never writes a snapshot file in place (temp + rename),
 * so sharing the inode is safe.
 */
const seedCache = process.env.DESKLINE_BENCH_SEED_CACHE ?? path.join(os.tmpdir(), 'deskline-bench-seed');

async function seed(dataDir: string, calls: number): Promise<void> {
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

/** The disk's floor: append ~500 bytes + fdatasync, in the same directory. */
function appendFloor(dir: string, n: number): Summary {
  const fd = openSync(path.join(dir, 'floor.bin'), 'a');
  const bytes = Buffer.alloc(500, 0x61);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = hrMs();
    writeSync(fd, bytes);
    fdatasyncSync(fd);
    samples.push(hrMs() - t);
  }
  closeSync(fd);
  return summarize(samples);
}

let eventSeq = 0;
const callEvent = (): SqlStatement[] => [
  {
    sql: 'INSERT INTO call_events (call_id, kind, at_wall, at_monotonic, detail_json) VALUES (?, ?, ?, ?, ?)',
    params: [`call-${eventSeq % 1000}`, 'held', Date.now(), performance.now(), JSON.stringify({ n: eventSeq++, note: '客户同意等待 hold 30 s' })],
  },
];

async function commitLatency(store: Store, n: number): Promise<Summary> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = hrMs();
    await store.commit(callEvent());
    samples.push(hrMs() - t);
  }
  return summarize(samples);
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = hrMs();
  const value = await fn();
  return { value, ms: hrMs() - t };
}

async function medianOf(times: number, fn: () => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push((await timed(fn)).ms);
  return summarize(samples).median;
}

async function benchSize(calls: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `deskline-bench-${calls}-`));
  const seedTime = await timed(() => seed(dataDir, calls));
  console.log(`\n[${calls} calls] seeded in ${(seedTime.ms / 1000).toFixed(1)} s`);

  const floor = appendFloor(storePaths(dataDir).dir, commitSamples);
  let store = await openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 });
  const commit = await commitLatency(store, commitSamples);

  // Snapshot while commits continue: the commits must not wait, the main thread must not stall.
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const snapshotRun = timed(() => store.snapshotNow());
  const duringSnapshot: number[] = [];
  let snapshotDone = false;
  void snapshotRun.then(() => (snapshotDone = true));
  while (!snapshotDone) {
    const t = hrMs();
    await store.commit(callEvent());
    duringSnapshot.push(hrMs() - t);
  }
  const snapshot = await snapshotRun;
  lag.disable();
  const stallMs = lag.max / 1e6;

  // Start-up: the snapshot just written + a 10k-record journal tail.
  for (let i = 0; i < 10_000; i++) void store.commit(callEvent());
  await store.commit(callEvent());
  await store.close();
  const startup = await timed(() => openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 }));
  store = startup.value;
  const replayed = store.status().recovery.recordsReplayed;
  const rss = process.memoryUsage().rss;

  const from = now - 30 * 86_400_000;
  const dashboard = await medianOf(5, () => agentTotals(store, from, now));
  const zh = await medianOf(5, () => searchCalls(store, '退款'));
  const en = await medianOf(5, () => searchCalls(store, 'invoice'));
  const zhHits = (await store.query("SELECT count(*) AS n FROM calls_fts WHERE body MATCH '\"退款\"'"))[0]!.n;
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });

  return {
    calls,
    floor,
    commit,
    commitDuringSnapshot: summarize(duringSnapshot),
    snapshot: { ms: snapshot.ms, bytes: snapshot.value?.bytes ?? 0 },
    startup: { ms: startup.ms, recordsReplayed: replayed },
    dashboard30DaysMs: dashboard,
    searchChineseMs: zh,
    searchChineseMatches: Number(zhHits),
    searchEnglishMs: en,
    rssAfterLoadBytes: rss,
    mainThreadStallDuringSnapshotMs: stallMs,
  };
}

const results = [];
for (const size of sizes) results.push(await benchSize(size));

printTable(
  'Store benchmark (durable = fdatasync before the commit resolves)',
  ['calls', 'floor med/p99', 'commit med/p99/max', 'commit in snapshot p99/max', 'snapshot', 'size', 'start-up (+10k)', 'dashboard 30 d', 'search 退款', 'search invoice', 'RSS', 'main stall'],
  results.map((r) => [
    String(r.calls),
    `${ms(r.floor.median)} / ${ms(r.floor.p99)}`,
    `${ms(r.commit.median)} / ${ms(r.commit.p99)} / ${ms(r.commit.max)}`,
    `${ms(r.commitDuringSnapshot.p99)} / ${ms(r.commitDuringSnapshot.max)}`,
    ms(r.snapshot.ms),
    mb(r.snapshot.bytes),
    ms(r.startup.ms),
    ms(r.dashboard30DaysMs),
    ms(r.searchChineseMs),
    ms(r.searchEnglishMs),
    mb(r.rssAfterLoadBytes),
    ms(r.mainThreadStallDuringSnapshotMs),
  ]),
);
console.log('\nGoals: commit median ≤ 2× floor, p99 ≤ 2 ms; dashboard ≤ 100 ms and search ≤ 50 ms at 1M; start-up ≤ 3 s at 1M; main-thread stall ≤ 10 ms.');
writeBenchJson('store', { sizes, results });
