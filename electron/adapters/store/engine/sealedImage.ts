// A database image (snapshot or backup) sealed with the data key, in 1 MiB chunks so no single GCM
// message is huge and damage is located. Layout:
//   "DLSEAL1\0" | u32 header length | header JSON | chunks: u32 sealed length | nonce | ciphertext | tag
// Each chunk's additional data is the header + its index + whether it is the last, so chunks cannot
// be reordered, dropped or cut off unnoticed, and the header (key id, size) cannot be changed.
// A file without the magic is a plain SQLite image (stores and backups from before encryption).
import { closeSync, openSync, readSync } from 'node:fs';
import { keyIdOf, KeyNeededError, open, seal, sealOverheadBytes, WrongKeyError, type DataKey } from './storeCipher';

const magic = Buffer.from('DLSEAL1\0', 'latin1');
const chunkBytes = 1024 * 1024;

export interface SealedHeader {
  purpose: 'snapshot' | 'backup';
  keyId: string;
  plainBytes: number;
  chunkBytes: number;
  /** Backups carry the store's key file record, so a restore elsewhere can open it with the passphrase. */
  keyRecord?: unknown;
}

export const isSealedImage = (bytes: Uint8Array) => bytes.length >= magic.length && magic.equals(Buffer.from(bytes.buffer, bytes.byteOffset, magic.length));

function chunkAad(headerJson: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(last ? 1 : 0, 4);
  return Buffer.concat([headerJson, tail]);
}

/** Seals `image` into one buffer (sized up front: no second copy of a big image). */
export function sealImage(key: DataKey, image: Uint8Array, purpose: SealedHeader['purpose'], keyRecord?: unknown): Buffer {
  const header: SealedHeader = { purpose, keyId: keyIdOf(key), plainBytes: image.length, chunkBytes, ...(keyRecord ? { keyRecord } : {}) };
  const headerJson = Buffer.from(JSON.stringify(header), 'utf8');
  const chunks = Math.max(1, Math.ceil(image.length / chunkBytes));
  const out = Buffer.allocUnsafe(magic.length + 4 + headerJson.length + chunks * (4 + sealOverheadBytes) + image.length);
  let at = magic.copy(out, 0);
  at = out.writeUInt32BE(headerJson.length, at);
  at += headerJson.copy(out, at);
  for (let index = 0; index < chunks; index++) {
    const plain = image.subarray(index * chunkBytes, Math.min(image.length, (index + 1) * chunkBytes));
    const sealed = seal(key, plain, chunkAad(headerJson, index, index === chunks - 1));
    at = out.writeUInt32BE(sealed.length, at);
    at += sealed.copy(out, at);
  }
  return out;
}

/** The header of a sealed image, or null for a plain one. Throws if the header itself is damaged. */
export function readSealedHeader(bytes: Uint8Array): { header: SealedHeader; headerJson: Buffer; bodyStart: number } | null {
  if (!isSealedImage(bytes)) return null;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buffer.length < magic.length + 4) throw new Error('sealed image header cut off');
  const length = buffer.readUInt32BE(magic.length);
  const start = magic.length + 4;
  if (length > 1024 * 1024 || start + length > buffer.length) throw new Error('sealed image header damaged');
  const headerJson = buffer.subarray(start, start + length);
  const header = JSON.parse(headerJson.toString('utf8')) as SealedHeader;
  return { header, headerJson, bodyStart: start + length };
}

/** Reads just the header of a sealed file (a backup being restored), or null for a plain file. */
export function readSealedFileHeader(file: string): SealedHeader | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const got = readSync(fd, head, 0, head.length, 0);
    if (!isSealedImage(head.subarray(0, got))) return null;
    const length = head.readUInt32BE(magic.length);
    const all = length + magic.length + 4 <= got ? head.subarray(0, got) : Buffer.alloc(length + magic.length + 4);
    if (all !== head) readSync(fd, all, 0, all.length, 0);
    return readSealedHeader(all)!.header;
  } finally {
    closeSync(fd);
  }
}

/**
 * The plain image: a plain file as it is, a sealed one opened with `key`. No key, or another key
 * (told by the key id), is a KeyNeededError / WrongKeyError, never "damaged"; changed bytes are
 * an ordinary Error (damage).
 */
export function openImage(bytes: Uint8Array, key: DataKey | null, what: string): Uint8Array {
  const parsed = readSealedHeader(bytes);
  if (!parsed) return bytes;
  const { header, headerJson, bodyStart } = parsed;
  if (!key) throw new KeyNeededError(`${what} is encrypted and no data key was given (passphrase or OS keychain).`);
  if (header.keyId !== keyIdOf(key)) throw new WrongKeyError(`${what} was encrypted with another data key (key ${header.keyId}, this store's is ${keyIdOf(key)}).`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const plain = Buffer.allocUnsafe(header.plainBytes);
  const chunks = Math.max(1, Math.ceil(header.plainBytes / header.chunkBytes));
  let at = bodyStart;
  let written = 0;
  for (let index = 0; index < chunks; index++) {
    if (at + 4 > buffer.length) throw new Error(`${what}: chunk ${index} is missing (file cut off)`);
    const length = buffer.readUInt32BE(at);
    if (at + 4 + length > buffer.length) throw new Error(`${what}: chunk ${index} is cut off`);
    let opened: Buffer;
    try {
      opened = open(key, buffer.subarray(at + 4, at + 4 + length), chunkAad(headerJson, index, index === chunks - 1));
    } catch {
      throw new Error(`${what}: chunk ${index} fails authentication (the file was changed or damaged)`);
    }
    if (written + opened.length > plain.length) throw new Error(`${what}: chunk ${index} is larger than the header says`);
    written += opened.copy(plain, written);
    at += 4 + length;
  }
  if (written !== header.plainBytes || at !== buffer.length) throw new Error(`${what}: size does not match its header`);
  return plain;
}
