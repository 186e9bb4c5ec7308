// Encryption at rest (issue 13): commit cost with encryption on vs off at 100k calls, in the same
// run. Both data folders start from the same seeded snapshot (sealed for the encrypted one); the
// two are measured in alternating rounds (off, on, on, off, …) so a slow minute of the machine
// falls on both. Goal: the encrypted median ≤ 1.2× the unencrypted median. Also reported: the
// sealing itself per record, and snapshot and start-up time on vs off. DESKLINE_BENCH_CRYPT_CALLS
// picks another size.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeRecord, type JournalRecord } from '../../electron/adapters/store/engine/journalFormat';
import { openImage } from '../../electron/adapters/store/engine/sealedImage';
import { writeSnapshot } from '../../electron/adapters/store/engine/snapshotWriter';
import { openStore, type SqlStatement } from '../../electron/adapters/store/engine/store';
import { newDataKey, type DataKey } from '../../electron/adapters/store/engine/storeCipher';
import { manifestFile, snapshotFile, storePaths, type SnapshotManifest } from '../../electron/adapters/store/engine/storeFiles';
import { passphraseProtector, writeKeyFile } from '../../electron/adapters/store/engine/storeKeyFile';
import { hrMs, ms, printTable, summarize, writeBenchJson, type Summary } from './support/benchStats';
import { seed } from './support/storeSeed';

const calls = Number(process.env.DESKLINE_BENCH_CRYPT_CALLS ?? 100_000);
const rounds = 6;
const commitsPerRound = 1000;
const warmUp = 100;

let eventSeq = 0;
const callEvent = (): SqlStatement[] => [
  {
    sql: 'INSERT INTO call_events (call_id, kind, at_wall, at_monotonic, detail_json) VALUES (?, ?, ?, ?, ?)',
    params: [`call-${eventSeq % 1000}`, 'held', Date.now(), performance.now(), JSON.stringify({ n: eventSeq++, note: '客户同意等待 hold 30 s' })],
  },
];

async function prepare(encrypted: boolean): Promise<{ dataDir: string; key: DataKey | null }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `deskline-bench-crypt-${encrypted ? 'on' : 'off'}-`));
  await seed(dataDir, calls);
  if (!encrypted) return { dataDir, key: null };
  const key = newDataKey();
  await writeKeyFile(dataDir, key, passphraseProtector('bench passphrase'));
  // The seed is linked from a cache: write the sealed snapshot as a new file, never into the link.
  const dir = storePaths(dataDir).dir;
  const manifest = JSON.parse(readFileSync(manifestFile(dir, 0), 'utf8')) as SnapshotManifest;
  const plain = openImage(readFileSync(snapshotFile(dir, 0)), null, 'seed');
  rmSync(snapshotFile(dir, 0));
  rmSync(manifestFile(dir, 0));
  writeSnapshot(dir, 0, plain, manifest.schemaVersion, key);
  return { dataDir, key };
}

async function commitRound(dataDir: string, key: DataKey | null): Promise<{ samples: number[]; openMs: number }> {
  const t0 = hrMs();
  const store = await openStore({ dataDir, dataKey: key, snapshotEveryRecords: 1_000_000_000 });
  const openMs = hrMs() - t0;
  for (let i = 0; i < warmUp; i++) await store.commit(callEvent());
  const samples: number[] = [];
  for (let i = 0; i < commitsPerRound; i++) {
    const t = hrMs();
    await store.commit(callEvent());
    samples.push(hrMs() - t);
  }
  await store.close();
  return { samples, openMs };
}

async function snapshotMs(dataDir: string, key: DataKey | null): Promise<{ ms: number; bytes: number }> {
  const store = await openStore({ dataDir, dataKey: key, snapshotEveryRecords: 1_000_000_000 });
  const t = hrMs();
  const manifest = await store.snapshotNow();
  const took = hrMs() - t;
  await store.close();
  return { ms: took, bytes: manifest?.bytes ?? 0 };
}

/** The sealing alone: encoding one commit's record with and without the key (main thread). */
function encodeCost(key: DataKey): { plain: Summary; sealed: Summary } {
  const record: JournalRecord = { seq: 1, kind: 'tx', statements: callEvent() };
  const run = (k: DataKey | null) => {
    const samples: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const t = hrMs();
      encodeRecord(record, k);
      samples.push(hrMs() - t);
    }
    return summarize(samples);
  };
  run(key); // warm
  return { plain: run(null), sealed: run(key) };
}

const off = await prepare(false);
const on = await prepare(true);
console.log(`[${calls} calls] seeded; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
const samples = { off: [] as number[], on: [] as number[] };
const opens = { off: [] as number[], on: [] as number[] };
for (let round = 0; round < rounds; round++) {
  // off, on, on, off, off, on: each side goes first as often as second.
  const order = round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const);
  for (const mode of order) {
    const folder = mode === 'on' ? on : off;
    const { samples: s, openMs } = await commitRound(folder.dataDir, folder.key);
    samples[mode].push(...s);
    opens[mode].push(openMs);
  }
}
const snapOff = await snapshotMs(off.dataDir, null);
const snapOn = await snapshotMs(on.dataDir, on.key);
const encode = encodeCost(on.key!);
const loadAfter = os.loadavg().map((l) => l.toFixed(2)).join(' ');
rmSync(off.dataDir, { recursive: true, force: true });
rmSync(on.dataDir, { recursive: true, force: true });

const commitOff = summarize(samples.off);
const commitOn = summarize(samples.on);
const ratio = commitOn.median / commitOff.median;
const row = (name: string, c: Summary, open: number[], snap: { ms: number; bytes: number }, enc: Summary) => [
  name,
  `${ms(c.median)} / ${ms(c.p95)} / ${ms(c.p99)} / ${ms(c.max)}`,
  String(c.n),
  ms(summarize(open).median),
  ms(snap.ms),
  ms(enc.median),
];
printTable(
  `Commit cost with encryption off vs on at ${calls} calls (same run, ${rounds} alternating rounds of ${commitsPerRound})`,
  ['encryption', 'commit med/p95/p99/max', 'commits', 'open (snapshot + tail)', 'snapshot', 'encode one record'],
  [row('off', commitOff, opens.off, snapOff, encode.plain), row('on', commitOn, opens.on, snapOn, encode.sealed)],
);
console.log(`\nRatio of medians (on / off): ${ratio.toFixed(3)}× — goal ≤ 1.2×. p99 on/off: ${(commitOn.p99 / commitOff.p99).toFixed(3)}×. Load average after: ${loadAfter}.`);
writeBenchJson('storeEncryption', { calls, rounds, commitsPerRound, commitOff, commitOn, ratio, opens, snapshot: { off: snapOff, on: snapOn }, encode });
