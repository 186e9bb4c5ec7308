// Issue 13: the desktop wraps the data key with safeStorage. Tested with a fake that behaves as
// Electron documents safeStorage: encryptString returns a Buffer, decryptString throws when the
// OS keychain cannot decrypt (another user or machine), isEncryptionAvailable says whether it can.
import { describe, expect, it } from 'vitest';
import { keyIdOf, newDataKey, WrongKeyError } from '../../../../electron/adapters/store/engine/storeCipher';
import { passphraseProtector, unwrapKeyRecord } from '../../../../electron/adapters/store/engine/storeKeyFile';
import { chooseDesktopKeyProtector, safeStorageKeyProtector, type SafeStorageLike } from '../../../../electron/main/safeStorageKeyProtector';

/** A keychain bound to one "user": what another user's keychain sealed it cannot open. */
function fakeSafeStorage(user: string, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.from(`${user}:${Buffer.from(plain).toString('hex')}`),
    decryptString: (sealed) => {
      const [owner, hex] = sealed.toString().split(':');
      if (owner !== user) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(hex!, 'hex').toString();
    },
  };
}

describe('safeStorageKeyProtector', () => {
  it('wraps the data key so the same keychain unwraps it, and never stores it plain', async () => {
    const key = newDataKey();
    const protector = safeStorageKeyProtector(fakeSafeStorage('ana'));
    const wrapped = await protector.wrap(key);
    expect(wrapped.protection).toBe('safeStorage');
    expect(JSON.stringify(wrapped)).not.toContain(key.toString('base64'));
    const record = { version: 1 as const, keyId: keyIdOf(key), createdAt: '', wrap: wrapped };
    expect((await unwrapKeyRecord(record, protector, 'the folder')).equals(key)).toBe(true);
  });

  it("another user's keychain is a clear wrong-key error, not damage", async () => {
    const key = newDataKey();
    const wrapped = await safeStorageKeyProtector(fakeSafeStorage('ana')).wrap(key);
    await expect(safeStorageKeyProtector(fakeSafeStorage('bo')).unwrap(wrapped)).rejects.toThrow(WrongKeyError);
    await expect(safeStorageKeyProtector(fakeSafeStorage('bo')).unwrap(wrapped)).rejects.toThrow(/OS keychain cannot open/);
  });

  it('a passphrase-protected folder opened by the desktop says what protects it', async () => {
    const key = newDataKey();
    const record = { version: 1 as const, keyId: keyIdOf(key), createdAt: '', wrap: await passphraseProtector('p').wrap(key) };
    await expect(unwrapKeyRecord(record, safeStorageKeyProtector(fakeSafeStorage('ana')), 'the folder')).rejects.toThrow(/protected by passphrase/);
  });

  it('refuses to wrap when safeStorage offers no encryption', async () => {
    await expect(safeStorageKeyProtector(fakeSafeStorage('ana', false)).wrap(newDataKey())).rejects.toThrow(/no secure storage/);
  });
});

describe('chooseDesktopKeyProtector', () => {
  it('uses safeStorage with an OS keyring, and none (with the reason) for Linux basic_text', () => {
    const safe = fakeSafeStorage('ana');
    expect(chooseDesktopKeyProtector(safe, { platform: 'darwin', encryptionAvailable: true }).protector?.protection).toBe('safeStorage');
    expect(chooseDesktopKeyProtector(safe, { platform: 'linux', encryptionAvailable: true, linuxBackend: 'gnome_libsecret' }).protector).not.toBeNull();
    const basic = chooseDesktopKeyProtector(safe, { platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' });
    expect(basic.protector).toBeNull();
    expect(basic.reason).toMatch(/basic_text/);
    expect(chooseDesktopKeyProtector(safe, { platform: 'win32', encryptionAvailable: false }).protector).toBeNull();
  });
});
