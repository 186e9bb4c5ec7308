// Writes a database image as a snapshot: temp file -> fsync -> rename -> directory fsync, then the
// manifest the same way. A snapshot counts only once its manifest exists, so a crash at any point
// leaves either the old set of snapshots or the new one, never a half-written file in use.
import { closeSync, fdatasyncSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { fsyncDir, manifestFile, snapshotFile, type SnapshotManifest } from './storeFiles';

/**
 * Flushing in slices keeps the dirty data of a big file small. On ext4 (data=ordered) the journal's
 * fdatasync has to wait for other files' dirty data in the same transaction, so writing a 1 GB
 * snapshot in one go and syncing at the end stalled commits for seconds; with 8 MB slices a
 * commit waits at most for one slice.
 */
const syncSliceBytes = 8 * 1024 * 1024;

export function writeFileDurablySync(file: string, data: Uint8Array | string): void {
  const temp = `${file}.tmp`;
  const fd = openSync(temp, 'w', 0o600); // S-6: private to this user, whatever the umask
  try {
    const buffer = typeof data === 'string' ? Buffer.from(data) : data;
    let written = 0;
    while (written < buffer.length) {
      const end = Math.min(buffer.length, written + syncSliceBytes);
      while (written < end) written += writeSync(fd, buffer, written, end - written);
      fdatasyncSync(fd);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

export function writeSnapshot(dir: string, seq: number, image: Uint8Array, schemaVersion: number): SnapshotManifest {
  const manifest: SnapshotManifest = { seq, bytes: image.length, crc32: crc32(image), schemaVersion, createdAt: Date.now() };
  writeFileDurablySync(snapshotFile(dir, seq), image);
  fsyncDir(dir);
  writeFileDurablySync(manifestFile(dir, seq), JSON.stringify(manifest));
  fsyncDir(dir);
  return manifest;
}
