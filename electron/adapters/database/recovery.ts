// Start-up: load the newest snapshot that checks out, then replay the journal after it. Anything
// unreadable is moved aside (never overwritten, never applied) and reported, and recovery falls
// back to the previous snapshot. In read-only mode (backups of a running store) nothing is moved.
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { Database } from 'sql.js';
import { decodeRecords, type JournalRecord } from './journalFormat';
import { applyRecord, openDatabase, schemaVersion } from './sqlEngine';
import {
  listSegmentStarts,
  listSnapshotSeqs,
  manifestFile,
  moveAside,
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
}

export async function recoverDatabase(paths: StorePaths, options: RecoveryOptions): Promise<{ db: Database; report: RecoveryReport }> {
  const report: RecoveryReport = { snapshotSeq: null, recordsReplayed: 0, lastSeq: 0, schemaVersion: 0, problems: [], movedAside: [], applyErrors: [] };
  const aside = (file: string, why: string) => {
    if (!options.readOnly) report.movedAside.push(moveAside(paths, file, why));
  };

  let db: Database | null = null;
  for (const seq of listSnapshotSeqs(paths.dir).reverse()) {
    if (options.upToSeq !== undefined && seq > options.upToSeq) continue;
    const loaded = await loadSnapshot(paths, seq);
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
  const pending: JournalRecord[] = [];
  let expected = report.lastSeq + 1;
  let broken = false;
  segments.forEach((start, index) => {
    const next = segments[index + 1];
    if (next !== undefined && next - 1 <= report.lastSeq) return; // wholly inside the snapshot
    const file = segmentFile(paths.dir, start);
    if (broken || start > expected) {
      if (!broken) report.problems.push(`Journal records ${expected}..${start - 1} are missing; this and later segments moved aside.`);
      else report.problems.push(`Journal segment ${start} comes after damaged data and cannot be applied; moved aside.`);
      broken = true;
      aside(file, 'unreachable');
      return;
    }
    const bytes = readFileSync(file);
    const decoded = decodeRecords(bytes, start);
    for (const record of decoded.records) {
      if (record.seq < expected) continue;
      if (options.upToSeq !== undefined && record.seq > options.upToSeq) break;
      pending.push(record);
      expected = record.seq + 1;
    }
    if (!decoded.ok) {
      const cut = bytes.length - decoded.validBytes;
      report.problems.push(`Journal ${start}: ${decoded.problem}; the last ${cut} bytes were cut off and kept in damaged/ (never applied).`);
      if (!options.readOnly) {
        const tailFile = `${file}.tail`;
        writeFileSync(tailFile, bytes.subarray(decoded.validBytes), { mode: 0o600 }); // S-6
        aside(tailFile, 'torn');
        truncateSync(file, decoded.validBytes);
      }
      broken = index < segments.length - 1;
    }
  });

  for (const record of pending) {
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

async function loadSnapshot(paths: StorePaths, seq: number): Promise<{ ok: true; db: Database } | { ok: false; problem: string }> {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile(paths.dir, seq), 'utf8')) as SnapshotManifest;
    const image = readFileSync(snapshotFile(paths.dir, seq));
    if (image.length !== manifest.bytes) return { ok: false, problem: `size ${image.length} instead of ${manifest.bytes}` };
    if (crc32(image) !== manifest.crc32) return { ok: false, problem: 'checksum mismatch' };
    const db = await openDatabase(image);
    db.exec('SELECT count(*) FROM sqlite_master');
    return { ok: true, db };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}
