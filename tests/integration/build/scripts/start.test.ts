// `npm start` where Electron's binary is absent (as here): one line on stderr saying why and how to
// get the desktop app, then the web host with the same arguments, serving the workstation.
// Skips where the binary is installed (then start.mjs would open the Electron app).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locateElectron } from '../../../../build/scripts/electronRuntime.mjs';
import { repoRoot, tempDataDir } from '../../../support/webHost';

const startScript = path.join(repoRoot, 'build/scripts/start.mjs');
const electron = locateElectron(startScript);

describe.skipIf(electron.status === 'ready')('start.mjs without the Electron binary', () => {
  const stops: Array<() => void> = [];
  afterAll(() => stops.forEach((stop) => stop()));

  it('prints one line with the reason and the ELECTRON_MIRROR fix, then runs the web host', async () => {
    const child = spawn(process.execPath, [startScript, '--port', '0', '--data-dir', tempDataDir(), '--lang', 'en'], { stdio: ['ignore', 'pipe', 'pipe'] });
    stops.push(() => child.kill('SIGTERM'));
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready in 30 s\nstdout: ${out}\nstderr: ${err}`)), 30_000);
      child.stdout.on('data', () => {
        const match = out.match(/^Deskline ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/m);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}\nstdout: ${out}\nstderr: ${err}`)));
    });
    expect(out.trim().split('\n')).toEqual([`Deskline ready at ${url}`]); // stdout: the ready line only
    const notice = err.split('\n').filter((line) => line.startsWith('Starting the Deskline web host'));
    expect(notice).toHaveLength(1);
    expect(notice[0]).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/');
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).not.toBeNull(); // the web host stopped with its parent
  });
});
