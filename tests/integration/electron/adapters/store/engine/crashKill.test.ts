// Durability under kill -9: a child commits acknowledged writes in a loop and is SIGKILLed at
// random moments, 50 times. After every restart, every acknowledged write must be there and no
// transaction may be half there (each writes two rows). The same holds for an encrypted store.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDataDir } from '../../../../../support/webHost';

const kills = 50;

function runChild(dataDir: string, killAfterAcks: number, passphrase = ''): Promise<{ present: Array<[number, number]>; acked: number[] }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, DESKLINE_PASSPHRASE: passphrase };
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/database/crashWriter.ts', dataDir, '150'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let present: Array<[number, number]> | null = null;
    const acked: number[] = [];
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('present ')) present = JSON.parse(line.slice(8));
        else if (line.startsWith('ack ')) {
          acked.push(Number(line.slice(4)));
          if (acked.length === killAfterAcks) child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' && present) resolve({ present, acked });
      else reject(new Error(`child ended with ${code ?? signal} before the kill\n${err}`));
    });
  });
}

async function killRepeatedly(dataDir: string, kills: number, passphrase = ''): Promise<void> {
  const acknowledged = new Set<number>();
  for (let round = 0; round <= kills; round++) {
    // Random kill points, from right after start-up to a few hundred commits in (past snapshots).
    const killAfter = 1 + Math.floor(Math.random() * 120);
    const { present, acked } = await runChild(dataDir, killAfter, passphrase);
    const found = new Map(present);
    for (const id of acknowledged) expect(found.get(id), `acknowledged write ${id} after kill ${round}`).toBe(2);
    for (const [id, rows] of found) expect(rows, `transaction ${id} is complete`).toBe(2);
    acked.forEach((id) => acknowledged.add(id));
  }
  expect(acknowledged.size).toBeGreaterThan(kills);
}

describe('store durability under SIGKILL', () => {
  it(`an encrypted store (issue 13) keeps every acknowledged write across 15 kills, and never half a transaction`, { timeout: 300_000 }, async () => {
    const dataDir = tempDataDir('deskline-crash-crypt-');
    await killRepeatedly(dataDir, 15, 'kill nine passphrase');
    // It really was encrypted: sealed records only, and the key file is there.
    const db = readdirSync(`${dataDir}/db`);
    expect(readdirSync(dataDir)).toContain('store-key.json');
    for (const name of db.filter((n) => n.startsWith('journal-'))) expect(readFileSync(`${dataDir}/db/${name}`).includes(Buffer.from('退款申请'))).toBe(false);
  });

  it(`keeps every acknowledged write across ${kills} kills, and never half a transaction`, { timeout: 600_000 }, async () => {
    await killRepeatedly(tempDataDir('deskline-crash-'), kills);
  });
});
