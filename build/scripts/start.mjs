// `npm start`: the Electron app where its runtime is installed; otherwise one line saying why and
// how to get it, then the web host with the same arguments (serving the same UI to a browser).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { locateElectron, webHostFallbackLine } from './electronRuntime.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);

const electron = locateElectron(import.meta.url);
let child;
if (electron.status === 'ready') {
  child = spawn(electron.binary, [path.join(root, '.out/main/electron-main.js'), ...args], { stdio: 'inherit' });
} else {
  console.error(webHostFallbackLine(electron.status)); // stdout carries only the ready line
  child = spawn(process.execPath, [path.join(root, '.out/main/web-host.js'), ...args], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
