// SettingsPort over electron-store in the Electron shell; same file as conf uses in the web host.
import Store from 'electron-store';
import type { SettingsPort } from '../core/kernel/platformPorts';
import { settingsFileName } from '../adapters/settings/confSettings';

export function createElectronStoreSettings(dataDir: string): SettingsPort {
  const store = new Store<Record<string, unknown>>({ cwd: dataDir, name: settingsFileName, clearInvalidConfig: true, configFileMode: 0o600 /* S-6 */ });
  return {
    get: <T>(key: string, fallback: T): T => (store.has(key) ? (store.get(key) as T) : fallback),
    set: (key, value) => store.set(key, value),
  };
}
