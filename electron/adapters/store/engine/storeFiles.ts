// Names and listing of the store's files inside <data-dir>/db: snapshots with their manifests,
// journal segments named by their first sequence number, and damaged/ for files moved aside.
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../../files/durableFiles';

export const dbFolderName = 'db';
const pad = (n: number) => String(n).padStart(12, '0');
/** A sequence number as it appears in file names (fixed width, so names sort in order). */
export const padSeq = pad;

export interface StorePaths {
  dir: string;
  damagedDir: string;
}

export function storePaths(dataDir: string): StorePaths {
  const dir = path.join(dataDir, dbFolderName);
  return { dir, damagedDir: path.join(dir, 'damaged') };
}

export const snapshotFile = (dir: string, seq: number) => path.join(dir, `snapshot-${pad(seq)}.sqlite`);
export const manifestFile = (dir: string, seq: number) => path.join(dir, `snapshot-${pad(seq)}.json`);
export const segmentFile = (dir: string, firstSeq: number) => path.join(dir, `journal-${pad(firstSeq)}.log`);

export interface SnapshotManifest {
  seq: number;
  bytes: number;
  crc32: number;
  schemaVersion: number;
  createdAt: number;
}

function listNumbered(dir: string, pattern: RegExp): number[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .map((n) => pattern.exec(n)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Sequence numbers of snapshots that have a manifest (a snapshot without one never finished). */
export const listSnapshotSeqs = (dir: string) => listNumbered(dir, /^snapshot-(\d{12})\.json$/);
/** First sequence numbers of journal segments, ascending. */
export const listSegmentStarts = (dir: string) => listNumbered(dir, /^journal-(\d{12})\.log$/);

/** Moves a file into damaged/ under a unique name; never overwrites, never deletes. */
export function moveAside(paths: StorePaths, file: string, why: string): string {
  mkdirSync(paths.damagedDir, { recursive: true, mode: 0o700 }); // S-6
  const target = path.join(paths.damagedDir, `${path.basename(file)}.${why}-${Date.now()}`);
  renameSync(file, target);
  fsyncDir(paths.dir);
  return target;
}

