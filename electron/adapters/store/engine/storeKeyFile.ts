// The data key's file, <data-dir>/store-key.json (issue 13): the random data key wrapped by a
// key-encryption key that a KeyProtector holds (web host: a passphrase through scrypt; desktop:
// Electron safeStorage, injected from electron/main). The file also names the key (keyId, an HMAC
// of it) so a passphrase that unwraps to another key, or none, is a clear "wrong passphrase",
// never "damaged data". It sits beside db/, not in it, so a restore (which swaps db/) keeps it.
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fsyncDir, writeNewFileDurablySync } from '../../files/durableFiles';
import { dataKeyBytes, keyIdOf, newDataKey, WrongKeyError, type DataKey } from './storeCipher';
import { listSegmentStarts, listSnapshotSeqs, storePaths } from './storeFiles';

export const keyFileName = 'store-key.json';
export const keyFile = (dataDir: string) => path.join(dataDir, keyFileName);

/** How the data key is wrapped; what a KeyProtector writes and reads back. */
export type WrappedKey =
  | { protection: 'passphrase'; kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string }; nonce: string; wrapped: string }
  | { protection: 'safeStorage'; wrapped: string };

export interface KeyRecord {
  version: 1;
  keyId: string;
  createdAt: string;
  wrap: WrappedKey;
}

/** Holds the key-encryption key. unwrap throws WrongKeyError when it cannot open the wrapping. */
export interface KeyProtector {
  readonly protection: WrappedKey['protection'];
  /** Said in errors: where the key comes from and how to give it. */
  readonly describe: string;
  wrap(dataKey: DataKey): Promise<WrappedKey>;
  unwrap(wrapped: WrappedKey): Promise<DataKey>;
}

/** A store whose key file exists but that could not be opened: say how to give the key. */
export class StoreKeyError extends WrongKeyError {}

/** scrypt cost: N = 2^15, r = 8 (32 MiB, about 0.1 s): dear for a guesser, cheap once at start. */
const scryptCost = { N: 2 ** 15, r: 8, p: 1 };

function scryptKey(passphrase: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passphrase.normalize('NFC'), salt, dataKeyBytes, { ...cost, maxmem: 256 * cost.N * cost.r }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const wrapAad = Buffer.from('deskline data key wrap v1', 'utf8');

/** The web host's protector: the key-encryption key is scrypt(passphrase, salt). */
export function passphraseProtector(passphrase: string, describe = 'the passphrase (DESKLINE_PASSPHRASE or --passphrase-file)'): KeyProtector {
  if (passphrase.length === 0) throw new Error('The passphrase is empty.');
  return {
    protection: 'passphrase',
    describe,
    async wrap(dataKey) {
      const salt = randomBytes(16);
      const kek = await scryptKey(passphrase, salt, scryptCost);
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', kek, nonce);
      cipher.setAAD(wrapAad);
      const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
      return { protection: 'passphrase', kdf: { name: 'scrypt', ...scryptCost, salt: salt.toString('base64') }, nonce: nonce.toString('base64'), wrapped: wrapped.toString('base64') };
    },
    async unwrap(wrap) {
      if (wrap.protection !== 'passphrase') throw new StoreKeyError(`The data key is protected by ${wrap.protection}, not by a passphrase.`);
      const kek = await scryptKey(passphrase, Buffer.from(wrap.kdf.salt, 'base64'), wrap.kdf);
      const bytes = Buffer.from(wrap.wrapped, 'base64');
      try {
        const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.nonce, 'base64'));
        decipher.setAAD(wrapAad);
        decipher.setAuthTag(bytes.subarray(bytes.length - 16));
        return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]);
      } catch {
        throw new StoreKeyError('Wrong passphrase: it does not open this data folder\'s key. Nothing was changed.');
      }
    },
  };
}

export function readKeyRecord(dataDir: string): KeyRecord | null {
  const file = keyFile(dataDir);
  if (!existsSync(file)) return null;
  const record = JSON.parse(readFileSync(file, 'utf8')) as KeyRecord;
  if (record.version !== 1 || typeof record.keyId !== 'string' || !record.wrap) throw new Error(`${file} is not a Deskline key file.`);
  return record;
}

/** Unwraps a key record and checks it names the key it holds. */
export async function unwrapKeyRecord(record: KeyRecord, protector: KeyProtector | null, where: string): Promise<DataKey> {
  if (!protector) {
    throw new StoreKeyError(`${where} is encrypted; its key is protected by ${record.wrap.protection === 'passphrase' ? 'a passphrase: give it with DESKLINE_PASSPHRASE or --passphrase-file' : "the desktop app's OS keychain: open it with the Deskline app"}.`);
  }
  if (record.wrap.protection !== protector.protection) {
    throw new StoreKeyError(`${where} has its key protected by ${record.wrap.protection}, but this program offers ${protector.describe}.`);
  }
  const key = await protector.unwrap(record.wrap);
  if (key.length !== dataKeyBytes || keyIdOf(key) !== record.keyId) {
    throw new StoreKeyError(`Wrong key for ${where}: ${protector.describe} does not open it. Nothing was changed.`);
  }
  return key;
}

/** True when the data folder holds no database yet (no snapshot, no journal). */
export function isNewStore(dataDir: string): boolean {
  const { dir } = storePaths(dataDir);
  return listSnapshotSeqs(dir).length === 0 && listSegmentStarts(dir).length === 0;
}

/** Writes a new key file for `key` (never over an existing one). */
export async function writeKeyFile(dataDir: string, key: DataKey, protector: KeyProtector): Promise<KeyRecord> {
  const record: KeyRecord = { version: 1, keyId: keyIdOf(key), createdAt: new Date().toISOString(), wrap: await protector.wrap(key) };
  writeNewFileDurablySync(keyFile(dataDir), `${JSON.stringify(record, null, 2)}\n`, (file) => new Error(`${file} already exists.`));
  fsyncDir(dataDir);
  return record;
}

export interface StoreEncryptionChoice {
  /** Where the key-encryption key comes from; null: this host has none (the store stays plain). */
  protector: KeyProtector | null;
  /** For a new data folder: encrypt it (the default when there is a protector). */
  encryptNewStore?: boolean;
}

/** What the first-run setup needs to know before the store opens. */
export type StoreEncryptionState = 'encrypted' | 'plain' | 'new';

export function storeEncryptionState(dataDir: string): StoreEncryptionState {
  if (existsSync(keyFile(dataDir))) return 'encrypted';
  return isNewStore(dataDir) ? 'new' : 'plain';
}

/**
 * The data key for the store in `dataDir`, or null for an unencrypted one. An encrypted store
 * needs its key (a wrong or missing one is a StoreKeyError and nothing is changed). A new store is
 * encrypted when there is a protector and encryptNewStore is not false: a key is made and its file
 * written before the first record. An existing unencrypted store stays unencrypted.
 * Call under the data-dir lock.
 */
export async function resolveStoreKey(dataDir: string, choice: StoreEncryptionChoice): Promise<DataKey | null> {
  const record = readKeyRecord(dataDir);
  if (record) return unwrapKeyRecord(record, choice.protector, `The data folder ${dataDir}`);
  if (!choice.protector || choice.encryptNewStore === false || !isNewStore(dataDir)) return null;
  const key = newDataKey();
  await writeKeyFile(dataDir, key, choice.protector);
  return key;
}
