// The desktop's key protector (issue 13): the data key wrapped by Electron safeStorage (the OS
// keychain / DPAPI / libsecret). A plain function over the three safeStorage calls it needs, so it
// is tested with a fake; electron/main/index.ts passes the real safeStorage.
import type { KeyProtector, WrappedKey } from '../adapters/store/engine/storeKeyFile';
import { WrongKeyError } from '../adapters/store/engine/storeCipher';
import { chooseSecretStore, type SafeStorageFacts } from './secretStoreChoice';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function safeStorageKeyProtector(safe: SafeStorageLike): KeyProtector {
  return {
    protection: 'safeStorage',
    describe: "the OS keychain of this user on this computer (Electron safeStorage)",
    async wrap(dataKey) {
      if (!safe.isEncryptionAvailable()) throw new Error('The operating system offers no secure storage for the data key.');
      return { protection: 'safeStorage', wrapped: safe.encryptString(dataKey.toString('base64')).toString('base64') };
    },
    async unwrap(wrap: WrappedKey) {
      if (wrap.protection !== 'safeStorage') throw new WrongKeyError(`The data key is protected by a ${wrap.protection}, not the OS keychain.`);
      let text: string;
      try {
        text = safe.decryptString(Buffer.from(wrap.wrapped, 'base64'));
      } catch (error) {
        throw new WrongKeyError(`The OS keychain cannot open this data folder's key (another user or computer?): ${(error as Error).message}. Nothing was changed.`);
      }
      return Buffer.from(text, 'base64');
    },
  };
}

/**
 * The desktop's protector, or null (the store then stays unencrypted, and the reason is returned)
 * where safeStorage would not really protect the key: the same rule as for the SIP password
 * (secretStoreChoice.ts: no encryption, Linux basic_text or an unknown backend).
 */
export function chooseDesktopKeyProtector(
  safe: SafeStorageLike,
  facts: SafeStorageFacts,
): { protector: KeyProtector; reason: null } | { protector: null; reason: string } {
  const choice = chooseSecretStore(facts);
  if (choice.store === 'safeStorage') return { protector: safeStorageKeyProtector(safe), reason: null };
  return { protector: null, reason: choice.reason };
}
