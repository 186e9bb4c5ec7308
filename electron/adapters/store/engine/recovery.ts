// Start-up: load the newest snapshot that checks out, then replay the journal after it. Anything
// unreadable is moved aside (never overwritten, never applied) and reported, and recovery falls
// back to the previous snapshot. Intact records found after a damaged one are never applied; they
// are kept in damaged/ for salvage under their own sequence numbers, and a skip record makes the
// journal continue after them, so no number names two writes. In read-only mode (backups of a
// running store) nothing is moved or written. With a data key (issue 13) sealed snapshots and
// records are opened with it; a missing or wrong key stops recovery with that error and moves
// nothing aside (it is not damage). Plain snapshots and records are still read (a store from
// before encryption), so new writes go on sealed after them.
import { closeSync, constants, fsyncSync, ftruncateSync, mkdirSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import type { Database } from 'sql.js';
import { decodeRecords, encodeRecord, findIntactRecords, lastSeqOf, type JournalRecord, type SkipRecord, type StoredRecord } from './journalFormat';
import { fsyncDir, writeFileDurablySync } from '../../files/durableFiles';
import { applyRecord, openDatabase, schemaVersion } from './sqlEngine';
import { openImage } from './sealedImage';
import { KeyNeededError, WrongKeyError, type DataKey } from './storeCipher';
import {
  listSegmentStarts,
  listSnapshotSeqs,
  manifestFile,
  moveAside,
  padSeq,
  segmentFile,
  snapshotFile,
  type SnapshotManifest,
  type StorePaths,
} from './storeFiles';

export interface RecoveryReport {
  snapshotSeq: number | null;
  recordsReplayed: number;
  lastSeq: number;
  schemaVersion: number;
  /** Human-readable problems found and what was done about each. */
  problems: string[];
  movedAside: string[];
  /** Records that could not be applied (e.g. a constraint broken); the journal keeps them. */
  applyErrors: string[];
}

export interface RecoveryOptions {
  readOnly: boolean;
  /** Stop replay after this sequence number (snapshot building). */
  upToSeq?: number;
  onProgress?: (done: number, total: number) => void;
  /** The store's data key, or null for an unencrypted store. */
  key?: DataKey | null;
}

export async function recoverDatabase(paths: StorePaths, options: RecoveryOptions): Promise<{ db: Database; report: RecoveryReport }> {
  const report: RecoveryReport = { snapshotSeq: null, recordsReplayed: 0, lastSeq: 0, schemaVersion: 0, problems: [], movedAside: [], applyErrors: [] };
  const aside = (file: string, why: string) => {
    if (!options.readOnly) report.movedAside.push(moveAside(paths, file, why));
  };

  let db: Database | null = null;
  for (const seq of listSnapshotSeqs(paths.dir).reverse()) {
    if (options.upToSeq !== undefined && seq > options.upToSeq) continue;
    const loaded = await loadSnapshot(paths, seq, options.key ?? null);
    if (loaded.ok) {
      db = loaded.db;
      report.snapshotSeq = seq;
      report.lastSeq = seq;
      break;
    }
    report.problems.push(`Snapshot ${seq} is unreadable (${loaded.problem}); moved aside, using the one before it.`);
    aside(snapshotFile(paths.dir, seq), 'corrupt');
    aside(manifestFile(paths.dir, seq), 'corrupt');
  }
  db ??= await openDatabase(null);

  // Read and check every segment first (cheap), so replay can report progress against a known total.
  const segments = listSegmentStarts(paths.dir);
  const pending: StoredRecord[] = [];
  let expected = report.lastSeq + 1;
  let damaged = false;
  /** The segment the journal goes on from: where its valid records end, and the seq after them. */
  let lastKept: { file: string; validBytes: number; nextSeq: number } | null = null;
  let tornTail: { file: string; bytes: Buffer; validBytes: number } | null = null;
  const unreachable: string[] = [];
  /** Intact records after the damage: never applied, offered for salvage. */
  const found: JournalRecord[] = [];
  for (const [index, start] of segments.entries()) {
    const next = segments[index + 1];
    if (next !== undefined && next - 1 <= report.lastSeq) continue; // wholly inside the snapshot
    const file = segmentFile(paths.dir, start);
    if (damaged || start > expected) {
      if (!damaged) report.problems.push(`Journal records ${expected}..${start - 1} are missing; this and later segments moved aside.`);
      else report.problems.push(`Journal segment ${start} comes after damaged data and cannot be applied; moved aside.`);
      damaged = true;
      unreachable.push(file);
      found.push(...findIntactRecords(readFileSync(file), 0, options.key ?? null));
      continue;
    }
    const bytes = readFileSync(file);
    const decoded = decodeRecords(bytes, start, options.key ?? null);
    for (const record of decoded.records) {
      if (lastSeqOf(record) < expected) continue;
      if (options.upToSeq !== undefined && record.seq > options.upToSeq) break;
      pending.push(record);
      expected = lastSeqOf(record) + 1;
    }
    const lastDecoded = decoded.records.at(-1);
    lastKept = { file, validBytes: decoded.validBytes, nextSeq: lastDecoded ? lastSeqOf(lastDecoded) + 1 : start };
    if (!decoded.ok) {
      const cut = bytes.length - decoded.validBytes;
      report.problems.push(`Journal ${start}: ${decoded.problem}; the last ${cut} bytes were cut off and kept in damaged/ (never applied).`);
      tornTail = { file, bytes: bytes.subarray(decoded.validBytes), validBytes: decoded.validBytes };
      found.push(...findIntactRecords(bytes, decoded.validBytes + 1, options.key ?? null));
      damaged = true;
    }
  }

  // Records after the damage keep their own sequence numbers; a skip record makes the journal go
  // on after the highest of them, so a number never names two different writes.
  const salvage = found.filter((record) => record.seq >= expected).sort((a, b) => a.seq - b.seq);
  const skip: SkipRecord | null = salvage.length > 0 ? { seq: expected, kind: 'skip', throughSeq: salvage.at(-1)!.seq } : null;
  if (!options.readOnly) {
    const tail = tornTail;
    if (tail) {
      const tailFile = `${tail.file}.tail`;
      writeFileSync(tailFile, tail.bytes, { mode: 0o600 }); // S-6
      aside(tailFile, 'torn');
    }
    if (skip) {
      const name = writeSalvageFile(paths, salvage, options.key ?? null);
      report.problems.push(
        `${salvage.length} intact record(s) after the damage (sequence ${salvage[0]!.seq}..${skip.throughSeq}) were not applied; they are kept for salvage in damaged/${name} under those numbers, which the journal never reuses (it continues at ${skip.throughSeq + 1}).`,
      );
      if (lastKept?.nextSeq === expected) {
        endSegmentWith(lastKept, encodeRecord(skip, options.key ?? null)); // also cuts the damaged tail
      } else {
        // The damage lies inside what the snapshot holds: cut it, and start a segment at `expected`.
        if (tail) truncateSync(tail.file, tail.validBytes);
        endSegmentWith({ file: segmentFile(paths.dir, expected), validBytes: 0 }, encodeRecord(skip, options.key ?? null));
      }
    } else if (tail) {
      truncateSync(tail.file, tail.validBytes);
    }
    for (const file of unreachable) aside(file, 'unreachable');
  } else if (skip) {
    report.problems.push(`${salvage.length} intact record(s) after the damage (sequence ${salvage[0]!.seq}..${skip.throughSeq}) were not applied.`);
  }
  if (skip && (options.upToSeq === undefined || skip.seq <= options.upToSeq)) pending.push(skip);

  for (const record of pending) {
    if (record.kind === 'skip') {
      report.lastSeq = record.throughSeq;
      continue;
    }
    try {
      applyRecord(db, record);
    } catch (error) {
      report.applyErrors.push(`record ${record.seq}: ${(error as Error).message}`);
    }
    report.lastSeq = record.seq;
    report.recordsReplayed++;
    if (report.recordsReplayed % 1000 === 0) options.onProgress?.(report.recordsReplayed, pending.length);
  }
  options.onProgress?.(pending.length, pending.length);
  report.schemaVersion = schemaVersion(db);
  return { db, report };
}

/**
 * Writes the salvageable records into damaged/; returns the file name. Plain store: one JSON record
 * per line (.jsonl). Encrypted store: the records framed and sealed exactly like a journal segment
 * (.log), so the customer data they hold stays encrypted at rest (issue 13).
 */
function writeSalvageFile(paths: StorePaths, records: JournalRecord[], key: DataKey | null): string {
  mkdirSync(paths.damagedDir, { recursive: true, mode: 0o700 }); // S-6
  const name = `journal-salvage-${padSeq(records[0]!.seq)}-${padSeq(records.at(-1)!.seq)}.${Date.now()}.${key ? 'log' : 'jsonl'}`;
  const contents = key ? Buffer.concat(records.map((record) => encodeRecord(record, key))) : records.map((record) => `${JSON.stringify(record)}\n`).join('');
  writeFileDurablySync(path.join(paths.damagedDir, name), contents);
  fsyncDir(paths.damagedDir);
  return name;
}

/**
 * Puts `record` right after the segment's valid records and cuts whatever followed (the damaged
 * tail, already copied aside): written first, then truncated, so a crash in between leaves the
 * record in place and only damage the next start cuts again.
 */
function endSegmentWith(segment: { file: string; validBytes: number }, record: Buffer): void {
  // Not 'a': on Linux a file opened for appending ignores the write position.
  const fd = openSync(segment.file, constants.O_RDWR | constants.O_CREAT, 0o600); // S-6
  try {
    writeSync(fd, record, 0, record.length, segment.validBytes);
    ftruncateSync(fd, segment.validBytes + record.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  fsyncDir(path.dirname(segment.file));
}

async function loadSnapshot(paths: StorePaths, seq: number, key: DataKey | null): Promise<{ ok: true; db: Database } | { ok: false; problem: string }> {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile(paths.dir, seq), 'utf8')) as SnapshotManifest;
    const image = readFileSync(snapshotFile(paths.dir, seq));
    if (image.length !== manifest.bytes) return { ok: false, problem: `size ${image.length} instead of ${manifest.bytes}` };
    if (crc32(image) !== manifest.crc32) return { ok: false, problem: 'checksum mismatch' };
    const db = await openDatabase(openImage(image, key, `Snapshot ${seq}`));
    db.exec('SELECT count(*) FROM sqlite_master');
    return { ok: true, db };
  } catch (error) {
    if (error instanceof KeyNeededError || error instanceof WrongKeyError) throw error; // a key problem, not damage
    return { ok: false, problem: (error as Error).message };
  }
}
