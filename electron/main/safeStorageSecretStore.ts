// SecretStore for the Electron app: values encrypted with safeStorage (the OS keychain / DPAPI /
// libsecret), kept as base64 in <data-dir>/secrets-os.json. Refuses to store anything when the OS
// offers no real encryption rather than silently writing plain text.
import { safeStorage } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../core/softphonePorts';
import { writeFileDurably } from '../adapters/agentState/writeFileDurably';

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
