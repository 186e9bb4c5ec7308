// The platform's user-data folder for Deskline, matching Electron's app.getPath('userData'), so the
// web host and the Electron app use the same data by default.
import os from 'node:os';
import path from 'node:path';

export const appFolderName = 'Deskline';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolderName);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolderName);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appFolderName);
}
