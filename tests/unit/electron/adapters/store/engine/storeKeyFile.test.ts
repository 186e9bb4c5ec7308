// Issue 13: the data key's file. A new folder gets a key when there is a protector; a wrong
// passphrase is a clear "wrong passphrase" error and changes nothing; an old plain store stays plain.
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyIdOf } from '../../../../../../electron/adapters/store/engine/storeCipher';
import {
  keyFile,
  passphraseProtector,
  readKeyRecord,
  resolveStoreKey,
  StoreKeyError,
  storeEncryptionState,
} from '../../../../../../electron/adapters/store/engine/storeKeyFile';
import { tempDataDir } from '../../../../../support/webHost';

describe('resolveStoreKey', () => {
  it('makes a key for a new data folder with a passphrase, and the same passphrase opens it again', async () => {
    const dataDir = tempDataDir('deskline-key-');
    expect(storeEncryptionState(dataDir)).toBe('new');
    const key = await resolveStoreKey(dataDir, { protector: passphraseProtector('correct horse') });
    expect(key).toHaveLength(32);
    expect(storeEncryptionState(dataDir)).toBe('encrypted');
    const record = readKeyRecord(dataDir)!;
    expect(record.keyId).toBe(keyIdOf(key!));
    expect(readFileSync(keyFile(dataDir), 'utf8')).not.toContain(key!.toString('base64')); // wrapped, never plain
    if (process.platform !== 'win32') expect(statSync(keyFile(dataDir)).mode & 0o777).toBe(0o600); // S-6
    const again = await resolveStoreKey(dataDir, { protector: passphraseProtector('correct horse') });
    expect(again!.equals(key!)).toBe(true);
  });

  it('refuses a wrong passphrase with a clear error and leaves the key file as it was', async () => {
    const dataDir = tempDataDir('deskline-key-');
    await resolveStoreKey(dataDir, { protector: passphraseProtector('correct horse') });
    const before = readFileSync(keyFile(dataDir));
    const attempt = resolveStoreKey(dataDir, { protector: passphraseProtector('wrong horse') });
    await expect(attempt).rejects.toThrow(StoreKeyError);
    await expect(resolveStoreKey(dataDir, { protector: passphraseProtector('wrong horse') })).rejects.toThrow(/Wrong passphrase/);
    expect(readFileSync(keyFile(dataDir)).equals(before)).toBe(true);
  });

  it('without a passphrase, an encrypted folder says how to give one', async () => {
    const dataDir = tempDataDir('deskline-key-');
    await resolveStoreKey(dataDir, { protector: passphraseProtector('correct horse') });
    await expect(resolveStoreKey(dataDir, { protector: null })).rejects.toThrow(/DESKLINE_PASSPHRASE or --passphrase-file/);
  });

  it('leaves a new folder unencrypted when setup says so, or when there is no key source', async () => {
    const optedOut = tempDataDir('deskline-key-');
    expect(await resolveStoreKey(optedOut, { protector: passphraseProtector('p'), encryptNewStore: false })).toBeNull();
    const noSource = tempDataDir('deskline-key-');
    expect(await resolveStoreKey(noSource, { protector: null })).toBeNull();
    expect(storeEncryptionState(optedOut)).toBe('new');
  });

  it('keeps an existing unencrypted store unencrypted (it goes on working as before)', async () => {
    const dataDir = tempDataDir('deskline-key-');
    mkdirSync(path.join(dataDir, 'db'), { recursive: true });
    writeFileSync(path.join(dataDir, 'db', 'journal-000000000001.log'), '');
    expect(storeEncryptionState(dataDir)).toBe('plain');
    expect(await resolveStoreKey(dataDir, { protector: passphraseProtector('p') })).toBeNull();
    expect(readKeyRecord(dataDir)).toBeNull();
  });
});
