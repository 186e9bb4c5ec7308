// Postinstall: download Electron's binary with the electron package's own installer (it honours
// ELECTRON_MIRROR, ELECTRON_SKIP_BINARY_DOWNLOAD and electron_config_cache). package.json's
// allowScripts keeps npm from running that installer itself, because a failed download there
// fails the whole `npm ci`; here a firewall or a mirror that is down costs one line, and
// `npm start` runs the web host until the binary is fetched.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { downloadFailedLine } from './electronRuntime.mjs';

let installer;
try {
  installer = createRequire(import.meta.url).resolve('electron/install.js');
} catch {
  console.log(downloadFailedLine('the electron package is not installed'));
  process.exit(0);
}
const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
if (result.status !== 0) {
  console.log(downloadFailedLine(result.error?.message || result.stderr || `exit code ${result.status ?? result.signal}`));
}
