// Store benchmark (issue 3) at 10k, 100k and 1M calls with realistic mixed Chinese/English notes:
// durable commit latency beside the raw append+fdatasync floor, snapshot time and size, start-up
// (snapshot + 10k-record tail), the 30-day dashboard query, FTS search, RSS, and the longest
// main-thread stall while a snapshot runs. Sizes: DESKLINE_BENCH_SIZES=10000,100000 to pick.
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { agentTotals } from '../../electron/adapters/store/repositories/metrics/dashboardQueries';
import { searchCalls } from '../../electron/adapters/store/repositories/fullTextSearch';
import { storePaths } from '../../electron/adapters/store/engine/storeFiles';
import { openStore, type SqlStatement, type Store } from '../../electron/adapters/store/engine/store';
import { now, seed } from './support/storeSeed';
import { hrMs, mb, ms, printTable, summarize, writeBenchJson, type Summary } from './support/benchStats';

const sizes = (process.env.DESKLINE_BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const commitSamples = 2000;
/** How long commits are still timed as "in snapshot" after it resolves. */
const afterSnapshotMs = 1000;
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

/** Commit latencies with when each started (ms since `origin`), so the slow ones can be placed. */
interface Timed {
  at: number;
  ms: number;
}

async function commitLatency(store: Store, n: number, origin: number): Promise<Timed[]> {
  const samples: Timed[] = [];
  for (let i = 0; i < n; i++) {
    const t = hrMs();
    await store.commit(callEvent());
    samples.push({ at: t - origin, ms: hrMs() - t });
  }
  return samples;
}

/** The slowest few, as "ms@offset" (offset from the phase's start), to tell a one-off from a pattern. */
const slowest = (samples: Timed[], count = 3) =>
  [...samples]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((s) => `${s.ms.toFixed(1)}@${(s.at / 1000).toFixed(2)}s`)
    .join(' ');

/**
 * The longest time the main thread could not run a 1 ms timer, and when: the event-loop delay
 * histogram gives the maximum but not its moment, so a timer chain records the gaps itself.
 */
function stallWatch(origin: number) {
  const lag = monitorEventLoopDelay({ resolution: 1 });
  lag.enable();
  const gaps: Timed[] = [];
  let last = hrMs();
  const timer = setInterval(() => {
    const t = hrMs();
    if (t - last > 5) gaps.push({ at: last - origin, ms: t - last });
    last = t;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      lag.disable();
      return { maxMs: lag.max / 1e6, p99Ms: lag.percentile(99) / 1e6, gaps };
    },
  };
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

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

const quantiles = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.p99)} / ${ms(s.max)}`;

async function benchSize(calls: number) {
  const started = hrMs();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `deskline-bench-${calls}-`));
  const seedTime = await timed(() => seed(dataDir, calls));
  console.log(`\n[${calls} calls] seeded in ${(seedTime.ms / 1000).toFixed(1)} s`);

  const floor = appendFloor(storePaths(dataDir).dir, commitSamples);
  const loadBefore = loadAverage();
  let store = await openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 });
  const commitStart = hrMs();
  const commitStall = stallWatch(commitStart);
  const commitSamplesTimed = await commitLatency(store, commitSamples, commitStart);
  const quietStall = commitStall.stop();

  // Snapshot while commits continue: the commits must not wait, the main thread must not stall.
  // Commits go on for a second after it resolves: freeing the rebuild's memory comes after that,
  // and a rebuild in the host's own process stalled the host right then (issue 12).
  const snapshotStart = hrMs();
  const snapshotStall = stallWatch(snapshotStart);
  const snapshotRun = timed(() => store.snapshotNow());
  const duringSnapshot: Timed[] = [];
  let snapshotDone = false;
  void snapshotRun.then(() => setTimeout(() => (snapshotDone = true), afterSnapshotMs));
  while (!snapshotDone) {
    const t = hrMs();
    await store.commit(callEvent());
    duringSnapshot.push({ at: t - snapshotStart, ms: hrMs() - t });
  }
  const snapshot = await snapshotRun;
  const stall = snapshotStall.stop();
  const loadAfter = loadAverage();
  console.log(
    `[${calls} calls] load average ${loadBefore} -> ${loadAfter}; slowest commits ${slowest(commitSamplesTimed)};` +
      ` during the snapshot ${slowest(duringSnapshot)}; main-thread gaps ${slowest(stall.gaps)} (commit phase ${slowest(quietStall.gaps)})`,
  );

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
  console.log(`[${calls} calls] done in ${((hrMs() - started) / 1000).toFixed(0)} s`);

  return {
    calls,
    floor,
    loadAverage: { before: loadBefore, after: loadAfter },
    commit: summarize(commitSamplesTimed.map((c) => c.ms)),
    commitDuringSnapshot: summarize(duringSnapshot.map((c) => c.ms)),
    snapshot: { ms: snapshot.ms, bytes: snapshot.value?.bytes ?? 0 },
    startup: { ms: startup.ms, recordsReplayed: replayed },
    dashboard30DaysMs: dashboard,
    searchChineseMs: zh,
    searchChineseMatches: Number(zhHits),
    searchEnglishMs: en,
    rssAfterLoadBytes: rss,
    mainThreadStallDuringSnapshotMs: stall.maxMs,
    mainThreadStallDuringCommitsMs: quietStall.maxMs,
  };
}

const results = [];
for (const size of sizes) results.push(await benchSize(size));

printTable(
  'Store benchmark (durable = fdatasync before the commit resolves)',
  ['calls', 'floor med/p99', 'commit med/p95/p99/max', 'in snapshot (+1 s) med/p95/p99/max', 'snapshot', 'size', 'start-up (+10k)', 'dashboard 30 d', 'search 退款', 'search invoice', 'RSS', 'main stall', 'load avg'],
  results.map((r) => [
    String(r.calls),
    `${ms(r.floor.median)} / ${ms(r.floor.p99)}`,
    quantiles(r.commit),
    quantiles(r.commitDuringSnapshot),
    ms(r.snapshot.ms),
    mb(r.snapshot.bytes),
    ms(r.startup.ms),
    ms(r.dashboard30DaysMs),
    ms(r.searchChineseMs),
    ms(r.searchEnglishMs),
    mb(r.rssAfterLoadBytes),
    ms(Math.max(r.mainThreadStallDuringSnapshotMs, r.mainThreadStallDuringCommitsMs)),
    r.loadAverage.after,
  ]),
);
console.log(
  '\nGoals: commit median ≤ 2× floor, p99 ≤ 2 ms; no commit over 50 ms at 100k calls, snapshot or not, nor over 200 ms at 1M;' +
    ' dashboard ≤ 100 ms and search ≤ 50 ms at 1M; start-up ≤ 3 s at 1M; main-thread stall ≤ 10 ms.' +
    ' The machine\'s load average (1/5/15 min) is printed with each size: on a busy machine the tail is the scheduler\'s, not the store\'s.',
);
writeBenchJson('store', { sizes, results });
