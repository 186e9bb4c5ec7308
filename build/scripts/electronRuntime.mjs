// Where the Electron runtime stands (the npm package, and the binary its install step downloads)
// and the one line `npm start` / the install step print when it is missing: why, and how to get
// the desktop app. Shared by start.mjs and installElectron.mjs; tested in Node.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A mirror reachable from mainland China (the one the Electron docs' China notes point to). */
export const mirrorExample = 'https://npmmirror.com/mirrors/electron/';

/**
 * @param {string} fromFile a file whose node_modules lookup finds the project's electron
 * @returns {{status: 'ready', binary: string} | {status: 'no-package'} | {status: 'no-binary'}}
 */
export function locateElectron(fromFile) {
  const require = createRequire(fromFile);
  try {
    require.resolve('electron/package.json');
  } catch {
    return { status: 'no-package' };
  }
  try {
    // The package's index throws when its install step did not record a downloaded binary.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? { status: 'ready', binary } : { status: 'no-binary' };
  } catch {
    return { status: 'no-binary' };
  }
}

/** How to get the binary: electron/install.js honours ELECTRON_MIRROR (npm rebuild does not run it: allowScripts). */
export const downloadCommand = `ELECTRON_MIRROR=${mirrorExample} node node_modules/electron/install.js`;

/** The one line `npm start` prints before it starts the web host instead. */
export function webHostFallbackLine(status) {
  const why = status === 'no-package'
    ? 'the electron package is not installed'
    : "Electron's binary is not installed (its download was skipped or failed)";
  const fix = status === 'no-package' ? `ELECTRON_MIRROR=${mirrorExample} npm ci` : downloadCommand;
  return `Starting the Deskline web host instead of the desktop app: ${why}. For the desktop app run: ${fix} (any reachable Electron mirror works), then npm start.`;
}

/** The one line the install step prints when the download fails: only the first line of `reason`. */
export function downloadFailedLine(reason) {
  const first = String(reason ?? '').split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
  const short = first.slice(0, 200) || 'no reason given';
  return `Deskline: Electron's binary could not be downloaded (${short}); npm start will run the web host. For the desktop app run: ${downloadCommand}`;
}
