// Writes a database image as a snapshot: temp file -> fsync -> rename -> directory fsync, then the
// manifest the same way. A snapshot counts only once its manifest exists, so a crash at any point
// leaves either the old set of snapshots or the new one, never a half-written file in use.
import { crc32 } from 'node:zlib';
import { fsyncDir, writeFileDurablySync } from '../../files/durableFiles';
import { manifestFile, snapshotFile, type SnapshotManifest } from './storeFiles';

export function writeSnapshot(dir: string, seq: number, image: Uint8Array, schemaVersion: number): SnapshotManifest {
  const manifest: SnapshotManifest = { seq, bytes: image.length, crc32: crc32(image), schemaVersion, createdAt: Date.now() };
  writeFileDurablySync(snapshotFile(dir, seq), image);
  fsyncDir(dir);
  writeFileDurablySync(manifestFile(dir, seq), JSON.stringify(manifest));
  fsyncDir(dir);
  return manifest;
}
