// The store as the rest of Deskline sees it. A commit is acknowledged once its journal record is
// fdatasynced (cost independent of database size); the engine worker applies it and serves reads,
// which always see every acknowledged commit (messages to the worker stay in order). Snapshots are
// built in the background by a process of their own (rebuildLauncher.ts) and rotate the journal;
// no commit waits for one.
import { mkdirSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { acquireDataDirLock, type DataDirLock } from './dataDirLock';
import type { SqlStatement } from './journalFormat';
import { JournalWriter } from './journalWriter';
import { latestSchemaVersion } from '../migrations';
import { startRebuildRunner, type RebuildRunner, type StartRebuildProcess } from './rebuildLauncher';
import type { RecoveryReport } from './recovery';
import type { Row } from './sqlEngine';
import { listSegmentStarts, listSnapshotSeqs, manifestFile, segmentFile, snapshotFile, storePaths, type SnapshotManifest } from './storeFiles';
import type { EngineReply, EngineRequest, StoreWorkerData } from './storeWorkerProtocol';
import { spawnStoreWorker } from './workerEntry';
import { keyIdOf, KeyNeededError, keyToBase64, WrongKeyError, type DataKey } from './storeCipher';
import { readKeyRecord, type KeyProtector } from './storeKeyFile';
import { checkBackup, type BackupCheck } from './backupFiles';

export type { SqlStatement, Row };

export interface StoreOptions {
  dataDir: string;
  /** Replay progress during start-up (records done of total). */
  onProgress?: (done: number, total: number) => void;
  /** Start a background snapshot after this many journal records (default 20,000). */
  snapshotEveryRecords?: number;
  onSnapshotWritten?: (manifest: SnapshotManifest, millis: number) => void;
  onSnapshotFailed?: (message: string) => void;
  /**
   * How the host starts the rebuild process for snapshots and backups. Electron's main process
   * passes a utility-process launcher; without one, plain Node forks (see rebuildLauncher.ts).
   */
  startRebuildProcess?: StartRebuildProcess;
  /**
   * The data key of an encrypted store (issue 13; resolveStoreKey in storeKeyFile.ts), or null/absent
   * for an unencrypted one. Records and snapshots are sealed with it; it goes to the store's threads
   * and rebuild process in messages only.
   */
  dataKey?: DataKey | null;
  /** Unwraps the key a backup from another store carries (staging a restore). */
  keyProtector?: KeyProtector | null;
}

export interface StoreStatus {
  recovery: RecoveryReport;
  lastSeq: number;
  lastSnapshotSeq: number | null;
  snapshotRunning: boolean;
}

export interface Store {
  /** Applies the statements atomically; resolves once durable. */
  commit(statements: SqlStatement[]): Promise<{ seq: number }>;
  query(sql: string, params?: Array<string | number | null>): Promise<Row[]>;
  /** Starts a snapshot now (if none is running) and resolves when it is written. */
  snapshotNow(): Promise<SnapshotManifest | null>;
  /** A consistent copy as a plain SQLite file (openable by any SQLite tool). */
  backupTo(file: string): Promise<{ bytes: number; seq: number }>;
  /** Checks a backup file (sealed ones with this store's key, or the key they carry) in a worker. */
  checkBackup(file: string): Promise<BackupCheck>;
  /** True when records and snapshots are sealed with a data key. */
  readonly encrypted: boolean;
  status(): StoreStatus;
  close(): Promise<void>;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const paths = storePaths(options.dataDir);
  mkdirSync(paths.dir, { recursive: true, mode: 0o700 }); // S-6
  const lock = acquireDataDirLock(options.dataDir);
  try {
    checkKeyFits(options.dataDir, options.dataKey ?? null);
  } catch (error) {
    lock.release();
    throw error;
  }
  // Before the engine loads the database: starting a process next to a big one is slow (rebuildLauncher.ts).
  const rebuilds = startRebuildRunner(options.startRebuildProcess);
  try {
    return await openLocked(options, paths, lock, rebuilds);
  } catch (error) {
    rebuilds.close();
    lock.release();
    throw error;
  }
}

/**
 * A key that is not the folder's (or none for an encrypted folder) would make every sealed record
 * fail authentication and look like damage to be moved aside: refuse it here, before recovery.
 */
function checkKeyFits(dataDir: string, key: DataKey | null): void {
  const record = readKeyRecord(dataDir);
  if (record && !key) throw new KeyNeededError(`The data folder ${dataDir} is encrypted and no data key was given.`);
  if (record && key && keyIdOf(key) !== record.keyId) throw new WrongKeyError(`The data key given is not the key of ${dataDir}. Nothing was changed.`);
}

async function openLocked(options: StoreOptions, paths: ReturnType<typeof storePaths>, lock: DataDirLock, rebuilds: RebuildRunner): Promise<Store> {
  const snapshotEvery = options.snapshotEveryRecords ?? 20_000;
  const key = options.dataKey ?? null;
  const keyText = keyToBase64(key);
  const engine = spawnStoreWorker({ mode: 'engine', dataDir: options.dataDir, key: keyText } satisfies StoreWorkerData);
  const waiting = new Map<number, { resolve: (reply: EngineReply) => void }>();
  let nextRequestId = 1;
  let engineFailure: Error | null = null;
  const applyOutcomes = new ApplyOutcomes();

  const recovery = await new Promise<RecoveryReport>((resolve, reject) => {
    engine.on('error', (error) => {
      engineFailure = error;
      applyOutcomes.failAll(error);
      reject(error);
      for (const w of waiting.values()) w.resolve({ type: 'queryError', id: 0, message: `Store engine stopped: ${error.message}` });
    });
    engine.on('message', (reply: EngineReply) => {
      switch (reply.type) {
        case 'progress':
          options.onProgress?.(reply.done, reply.total);
          return;
        case 'opened':
          return resolve(reply.report);
        case 'failed':
          return reject(new Error(`The store could not be opened: ${reply.message}`));
        case 'applied':
          applyOutcomes.settle(reply.throughSeq, reply.errors);
          return;
        case 'rows':
        case 'queryError':
        case 'exported': {
          const entry = waiting.get(reply.id);
          waiting.delete(reply.id);
          entry?.resolve(reply);
          return;
        }
      }
    });
    send({ type: 'open' });
  });

  function send(message: EngineRequest) {
    engine.postMessage(message);
  }
  type IdRequest = Extract<EngineRequest, { id: number }>;
  function request(message: IdRequest extends infer R ? (R extends IdRequest ? Omit<R, 'id'> : never) : never): Promise<EngineReply> {
    if (engineFailure) return Promise.reject(engineFailure);
    const id = nextRequestId++;
    return new Promise((resolve) => {
      waiting.set(id, { resolve });
      send({ ...message, id } as EngineRequest);
    });
  }

  const journal = await JournalWriter.open(paths.dir, recovery.lastSeq + 1, (records) => send({ type: 'apply', records }), key);
  for (let version = recovery.schemaVersion + 1; version <= latestSchemaVersion; version++) {
    await journal.append({ kind: 'migrate', version });
  }
  const version = await schemaVersionOf();
  if (version !== latestSchemaVersion) {
    await journal.close();
    await engine.terminate();
    throw new Error(`The database is at schema ${version} but this Deskline needs ${latestSchemaVersion}; a migration failed (see the log).`);
  }

  async function schemaVersionOf(): Promise<number> {
    const reply = await request({ type: 'query', sql: 'PRAGMA user_version', params: [] });
    return reply.type === 'rows' ? Number(reply.rows[0]?.user_version ?? -1) : -1;
  }

  let lastSnapshotSeq = listSnapshotSeqs(paths.dir).at(-1) ?? null;
  let running: Promise<SnapshotManifest | null> | null = null;
  let closed = false;
  const dataDir = path.resolve(options.dataDir); // the rebuild process may not share our working directory

  function snapshot(): Promise<SnapshotManifest | null> {
    running ??= (async () => {
      try {
        const upToSeq = await journal.rotate();
        if (upToSeq === (lastSnapshotSeq ?? 0)) return null;
        const result = await rebuilds.run({ mode: 'snapshot', dataDir, upToSeq, key: keyText });
        if (result.type !== 'snapshotWritten') throw new Error(`Snapshot failed: ${result.type === 'failed' ? result.message : result.type}`);
        lastSnapshotSeq = result.manifest.seq;
        await prune(paths.dir);
        options.onSnapshotWritten?.(result.manifest, result.millis);
        return result.manifest;
      } catch (error) {
        if (!closed) options.onSnapshotFailed?.((error as Error).message); // closing stops it on purpose
        throw error;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const maybeSnapshot = () => {
    if (!running && !closed && journal.lastSeq - (lastSnapshotSeq ?? 0) >= snapshotEvery) {
      snapshot().catch(() => {}); // reported through onSnapshotFailed; the journal still has everything
    }
  };
  maybeSnapshot();

  return {
    async commit(statements) {
      if (statements.length === 0) throw new Error('Nothing to commit.');
      const record = await journal.append({ kind: 'tx', statements });
      maybeSnapshot();
      // The engine applied the record while it was being fdatasynced; usually this is settled.
      await applyOutcomes.outcome(record.seq);
      return { seq: record.seq };
    },
    async query(sql, params = []) {
      const reply = await request({ type: 'query', sql, params });
      if (reply.type === 'rows') return reply.rows;
      throw new Error(reply.type === 'queryError' ? reply.message : 'Unexpected reply from the store.');
    },
    snapshotNow: () => snapshot(),
    async backupTo(file) {
      // Everything acknowledged so far is in the snapshot + journal on disk; the rebuild process
      // rebuilds that and writes it, so neither the engine (commits, queries) nor the main thread waits for it.
      const upToSeq = journal.lastSeq;
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 }); // S-6
      const reply = await rebuilds.run({ mode: 'backup', dataDir, upToSeq, outFile: path.resolve(file), key: keyText });
      if (reply.type === 'backupWritten') return { bytes: reply.bytes, seq: reply.seq };
      throw new Error(`Backup failed: ${reply.type === 'failed' ? reply.message : reply.type}`);
    },
    checkBackup: (file) => checkBackup(file, null, { storeKey: key, protector: options.keyProtector ?? null }),
    encrypted: key !== null,
    status: () => ({ recovery, lastSeq: journal.lastSeq, lastSnapshotSeq, snapshotRunning: running !== null }),
    async close() {
      if (closed) return;
      closed = true;
      // A snapshot or backup under way is stopped, not awaited (at 1M calls one takes ~15 s): the
      // previous snapshot + the journal still hold everything, and the next snapshot clears its temp file.
      rebuilds.close();
      await running?.catch(() => null);
      await journal.close();
      await engine.terminate();
      lock.release();
    },
  };
}

/**
 * Keeps the two newest snapshots (the older one is the fallback if the newer turns out damaged)
 * and every journal segment that the older one still needs. Unlinking a 1 GB file takes tens of
 * milliseconds, so the deletes run on the thread pool, not the main thread.
 */
async function prune(dir: string): Promise<void> {
  const snapshots = listSnapshotSeqs(dir);
  // What a snapshot killed half-way left (never counted: it has no manifest). Only this store
  // writes snapshots, one at a time, and this one has finished, so none of these is in progress.
  const doomed = await unfinishedSnapshotFiles(dir, new Set(snapshots));
  if (snapshots.length >= 2) {
    const keepFrom = snapshots[snapshots.length - 2]!;
    for (const seq of snapshots.slice(0, -2)) doomed.push(manifestFile(dir, seq), snapshotFile(dir, seq));
    const segments = listSegmentStarts(dir);
    segments.forEach((start, i) => {
      const next = segments[i + 1];
      if (next !== undefined && next - 1 <= keepFrom) doomed.push(segmentFile(dir, start));
    });
  }
  await Promise.all(doomed.map((file) => fs.unlink(file).catch(() => {}))); // already gone is fine
}

/** Temp files of snapshots and manifests, and snapshot images whose manifest was never written. */
async function unfinishedSnapshotFiles(dir: string, finished: Set<number>): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names
    .filter((name) => {
      if (/^snapshot-\d{12}\.(sqlite|json)\.tmp$/.test(name)) return true;
      const image = /^snapshot-(\d{12})\.sqlite$/.exec(name);
      return image !== null && !finished.has(Number(image[1]));
    })
    .map((name) => path.join(dir, name));
}

export type { Worker };

/**
 * What the engine reported for each applied record. A transaction whose statements fail (a broken
 * constraint, say) is rolled back whole; the journal keeps its record, and replay rolls it back the
 * same way, so it is a durable no-op and the committer gets the error, never a false success.
 */
class ApplyOutcomes {
  private throughSeq = 0;
  private errors = new Map<number, string>();
  private waiters: Array<{ seq: number; resolve: () => void; reject: (error: Error) => void }> = [];
  private fatal: Error | null = null;

  settle(throughSeq: number, errors: Array<{ seq: number; message: string }>): void {
    for (const e of errors) this.errors.set(e.seq, e.message);
    this.throughSeq = Math.max(this.throughSeq, throughSeq);
    const due = this.waiters.filter((w) => w.seq <= this.throughSeq);
    this.waiters = this.waiters.filter((w) => w.seq > this.throughSeq);
    for (const w of due) this.deliver(w.seq, w.resolve, w.reject);
  }

  failAll(error: Error): void {
    this.fatal = error;
    for (const w of this.waiters.splice(0)) w.reject(error);
  }

  outcome(seq: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.fatal) reject(this.fatal);
      else if (seq <= this.throughSeq) this.deliver(seq, resolve, reject);
      else this.waiters.push({ seq, resolve, reject });
    });
  }

  private deliver(seq: number, resolve: () => void, reject: (error: Error) => void): void {
    const message = this.errors.get(seq);
    if (message === undefined) return resolve();
    this.errors.delete(seq);
    reject(new Error(`The change was not saved: ${message}`));
  }
}
