// The install step on a machine that cannot download Electron's binary (a firewall, a mirror that
// is down): ELECTRON_MIRROR points at a closed loopback port. The electron package's own installer
// runs for real in a scratch project (a copy of the package, its download library linked in), so
// nothing touches the shared node_modules. Before issue 12 npm ran that installer itself and the
// failure failed `npm ci`; now the step prints one line and succeeds.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../support/webHost';

const sharedModules = path.join(repoRoot, 'node_modules');

async function closedLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function scratchProject(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'deskline-install-'));
  const electronDir = path.join(dir, 'node_modules/electron');
  mkdirSync(electronDir, { recursive: true });
  for (const file of ['package.json', 'index.js', 'install.js', 'checksums.json']) {
    copyFileSync(path.join(sharedModules, 'electron', file), path.join(electronDir, file));
  }
  // install.js's own dependencies, read-only: linked, resolved from their real place.
  mkdirSync(path.join(dir, 'node_modules/@electron'));
  symlinkSync(path.join(sharedModules, '@electron/get'), path.join(dir, 'node_modules/@electron/get'));
  symlinkSync(path.join(sharedModules, 'extract-zip'), path.join(dir, 'node_modules/extract-zip'));
  mkdirSync(path.join(dir, 'build/scripts'), { recursive: true });
  for (const file of ['installElectron.mjs', 'electronRuntime.mjs']) {
    copyFileSync(path.join(repoRoot, 'build/scripts', file), path.join(dir, 'build/scripts', file));
  }
  return dir;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^electron_|^ELECTRON_|^npm_config_electron/i.test(key)) delete env[key];
  return { ...env, ...extra };
}

describe('installElectron.mjs (postinstall)', () => {
  it('succeeds with one line naming the error and the mirror fix when the download is refused', async () => {
    const dir = scratchProject();
    const port = await closedLoopbackPort();
    const run = spawnSync(process.execPath, [path.join(dir, 'build/scripts/installElectron.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: cleanEnv({ ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: path.join(dir, 'cache') }),
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n').filter((line) => line.startsWith('Deskline:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`ECONNREFUSED 127.0.0.1:${port}`);
    expect(lines[0]).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ node node_modules/electron/install.js');
    expect(run.stderr).toBe(''); // the installer's stack trace is summed up, not dumped
    expect(existsSync(path.join(dir, 'node_modules/electron/path.txt'))).toBe(false);
  });

  it('stays quiet when the download is skipped on purpose (ELECTRON_SKIP_BINARY_DOWNLOAD=1)', () => {
    const dir = scratchProject();
    const run = spawnSync(process.execPath, [path.join(dir, 'build/scripts/installElectron.mjs')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: cleanEnv({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }),
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('npm cannot run the electron installer itself (a failure there fails npm ci)', async () => {
    const { default: pkg } = await import('../../../../package.json', { with: { type: 'json' } });
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.scripts.postinstall).toContain('node build/scripts/installElectron.mjs');
    expect(Object.keys(pkg.devDependencies)).toContain('electron'); // electron-builder reads its version there
  });
});
