// SecretStore for the Electron app: values encrypted with safeStorage (the OS keychain / DPAPI /
// libsecret), kept as base64 in <data-dir>/secrets-os.json. Where safeStorage offers no real
// encryption (secretStoreChoice.ts: Linux basic_text, an unknown backend, none at all) the
// file-key store of the web host is used instead, and the log says why.
import { safeStorage } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../core/kernel/platformPorts';
import type { SecretStore } from '../core/softphone/ports';
import { writeFileDurably } from '../adapters/files/durableFiles';
import { FileKeySecretStore } from '../adapters/secrets/fileKeySecretStore';
import { chooseSecretStore } from './secretStoreChoice';

/** Call after app 'ready' (before it, Linux reports the backend as `unknown`). */
export function createElectronSecretStore(dataDir: string, logger: Logger): SecretStore {
  const choice = chooseSecretStore({
    platform: process.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
  if (choice.store === 'safeStorage') return createSafeStorageSecretStore(dataDir);
  logger.warn('The SIP password is kept with the file-key store in the data folder, not the OS keyring', { reason: choice.reason });
  return new FileKeySecretStore(dataDir);
}

export function createSafeStorageSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, 'secrets-os.json');
  const readAll = async (): Promise<Record<string, string>> => {
    try {
      return JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  };
  return {
    async get(name) {
      const sealed = (await readAll())[name];
      return sealed ? safeStorage.decryptString(Buffer.from(sealed, 'base64')) : null;
    },
    async set(name, value) {
      if (!safeStorage.isEncryptionAvailable()) throw new Error('The operating system offers no secure storage for the password.');
      const all = await readAll();
      all[name] = safeStorage.encryptString(value).toString('base64');
      await writeFileDurably(file, JSON.stringify(all));
    },
    async delete(name) {
      const all = await readAll();
      delete all[name];
      await writeFileDurably(file, JSON.stringify(all));
    },
  };
}
