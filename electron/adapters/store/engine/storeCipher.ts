// Encryption at rest (issue 13, S-6): AES-256-GCM with the store's data key for journal records and
// for database images (snapshots, backups). GCM authenticates, so a changed byte never decrypts to
// something else: it is reported as damage, exactly like a CRC mismatch. A key that does not fit is
// told apart from damage by the key id (an HMAC of the key) that images and the key file carry.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** A random 256-bit data key. */
export type DataKey = Buffer;

export const dataKeyBytes = 32;
const nonceBytes = 12;
const tagBytes = 16;
/** Bytes a sealed journal payload adds to the plain one. */
export const sealOverheadBytes = nonceBytes + tagBytes;

/** The key does not open this data: a wrong passphrase, another machine's keychain, another store's key. */
export class WrongKeyError extends Error {
  override name = 'WrongKeyError';
}

/** The data is encrypted and no key was given. */
export class KeyNeededError extends Error {
  override name = 'KeyNeededError';
}

export const newDataKey = (): DataKey => randomBytes(dataKeyBytes);

/**
 * The key's public name: the first 16 bytes of HMAC-SHA256(key, label). It says which key sealed
 * something without giving the key away (a key check value), so a wrong key is a clear error.
 */
export function keyIdOf(key: DataKey): string {
  return createHmac('sha256', key).update('deskline data key id v1').digest().subarray(0, 16).toString('hex');
}

/**
 * nonce | ciphertext | tag. Nonces are random (96 bits): sequence numbers are not safe as nonces
 * because a write whose fdatasync failed is retried under the same number after a restart. With
 * random nonces one key stays within NIST's bound (2^32 messages) for billions of commits.
 */
export function seal(key: DataKey, plain: Uint8Array, aad: Uint8Array): Buffer {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = cipher.update(plain);
  cipher.final();
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Throws (GCM authentication) if the bytes were changed or the key is another one. */
export function open(key: DataKey, sealed: Uint8Array, aad: Uint8Array): Buffer {
  if (sealed.length < sealOverheadBytes) throw new Error('sealed data too short');
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.length);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, nonceBytes));
  decipher.setAAD(aad);
  decipher.setAuthTag(bytes.subarray(bytes.length - tagBytes));
  const plain = decipher.update(bytes.subarray(nonceBytes, bytes.length - tagBytes));
  decipher.final(); // throws "Unsupported state or unable to authenticate data"
  return plain;
}

export const keyFromBase64 = (text: string | null | undefined): DataKey | null => (text ? Buffer.from(text, 'base64') : null);
export const keyToBase64 = (key: DataKey | null): string | null => (key ? key.toString('base64') : null);
