// Issue 13: the web host encrypts a new data folder when given a passphrase (DESKLINE_PASSPHRASE or
// --passphrase-file), refuses a wrong or missing one with a clear message and exit code 1 without
// changing a file, and its rebuild process never inherits the passphrase.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWebHost, tempDataDir, webHostEntry } from '../../../support/webHost';

function folderDigest(dir: string): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

const runHost = (dataDir: string, env: Record<string, string>) =>
  spawnSync(process.execPath, [webHostEntry, '--port', '0', '--data-dir', dataDir], { encoding: 'utf8', timeout: 30_000, env: { ...process.env, DESKLINE_PASSPHRASE: '', ...env } });

describe('the web host with a passphrase', () => {
  it('encrypts a new folder, refuses a wrong or missing passphrase without changing a file, and opens with the right one', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir('deskline-webhost-crypt-');
    const first = await startWebHost({ dataDir, env: { DESKLINE_PASSPHRASE: 'open sesame 芝麻开门' } });
    try {
      expect(existsSync(path.join(dataDir, 'store-key.json'))).toBe(true);
      if (process.platform === 'linux') {
        // The rebuild process (started with the store) gets the key in IPC messages only.
        const children = childPids(first.process.pid!);
        expect(children.length).toBeGreaterThan(0);
        for (const child of children) expect(readFileSync(`/proc/${child}/environ`, 'latin1')).not.toContain('DESKLINE_PASSPHRASE');
      }
    } finally {
      await first.stop();
    }
    const before = folderDigest(dataDir);

    const wrong = runHost(dataDir, { DESKLINE_PASSPHRASE: 'open sesame' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
    expect(wrong.stderr).not.toMatch(/corrupt|damaged/i);
    expect(folderDigest(dataDir)).toBe(before);

    const missing = runHost(dataDir, {});
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/is encrypted; .*DESKLINE_PASSPHRASE or --passphrase-file/);
    expect(folderDigest(dataDir)).toBe(before);

    const again = await startWebHost({ dataDir, env: { DESKLINE_PASSPHRASE: 'open sesame 芝麻开门' } });
    await again.stop();
  });
});
