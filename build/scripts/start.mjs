// `npm start`: the Electron app where its runtime is installed; otherwise one clear line saying so,
// then the web host with the same arguments (serving the same UI to a browser).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);

function electronBinary() {
  try {
    // The electron package's index throws when its postinstall did not download the binary.
    return createRequire(import.meta.url)('electron');
  } catch {
    return null;
  }
}

const electron = electronBinary();
let child;
if (electron) {
  child = spawn(electron, [path.join(root, '.out/main/electron-main.js'), ...args], { stdio: 'inherit' });
} else {
  console.log('Electron runtime is not installed (its binary was not downloaded); starting the Deskline web host instead.');
  child = spawn(process.execPath, [path.join(root, '.out/main/web-host.js'), ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
