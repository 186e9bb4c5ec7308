// SettingsPort over `conf`, the library electron-store is built on (same JSON file format), so the
// web host and the Electron shell read and write the same settings file in the data dir.
import Conf from 'conf';
import type { SettingsPort } from '../../core/kernel/platformPorts';

export const settingsFileName = 'settings';

export function createConfSettings(dataDir: string): SettingsPort {
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: settingsFileName,
    projectName: 'deskline',
    // A hand-broken settings file must not stop the workstation: conf resets it, we log why.
    clearInvalidConfig: true,
    configFileMode: 0o600, // S-6: conf's default is 0666 (less the umask)
  });
  return {
    get: <T>(key: string, fallback: T): T => (conf.has(key) ? (conf.get(key) as T) : fallback),
    set: (key, value) => conf.set(key, value),
  };
}
