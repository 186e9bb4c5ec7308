// Writes a database image as a snapshot: temp file -> fsync -> rename -> directory fsync, then the
// manifest the same way. A snapshot counts only once its manifest exists, so a crash at any point
// leaves either the old set of snapshots or the new one, never a half-written file in use.
// With a data key the image is sealed (sealedImage.ts); the manifest's size and CRC are those of
// the bytes on disk, so damage is still found before anything is decrypted.
import { crc32 } from 'node:zlib';
import type { DataKey } from './storeCipher';
import { sealImage } from './sealedImage';
import { fsyncDir, writeFileDurablySync } from '../../files/durableFiles';
import { manifestFile, snapshotFile, type SnapshotManifest } from './storeFiles';

export function writeSnapshot(dir: string, seq: number, plainImage: Uint8Array, schemaVersion: number, key: DataKey | null = null): SnapshotManifest {
  const image = key ? sealImage(key, plainImage, 'snapshot') : plainImage;
  const manifest: SnapshotManifest = { seq, bytes: image.length, crc32: crc32(image), schemaVersion, createdAt: Date.now() };
  writeFileDurablySync(snapshotFile(dir, seq), image);
  fsyncDir(dir);
  writeFileDurablySync(manifestFile(dir, seq), JSON.stringify(manifest));
  fsyncDir(dir);
  return manifest;
}
