// Issue 12: kill -9 while a snapshot is being written. Every acknowledged write survives (the
// journal keeps everything the half-written snapshot would have held), and the half-written files
// are cleared away by the next snapshot instead of filling the disk (a snapshot at 1M calls is 1 GB).
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../../../electron/adapters/store/engine/store';
import { storePaths } from '../../../../../../electron/adapters/store/engine/storeFiles';
import { repoRoot, tempDataDir } from '../../../../../support/webHost';

const rounds = 6;
const unfinishedSnapshot = (name: string) => /^snapshot-\d{12}\.(sqlite|json)\.tmp$/.test(name);

/** Runs the writer until a snapshot file is half-written (or 20 s pass), then SIGKILLs it. */
function runChild(dataDir: string): Promise<{ present: Array<[number, number]>; acked: number[]; midSnapshot: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/database/snapshotKillWriter.ts', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let present: Array<[number, number]> | null = null;
    const acked: number[] = [];
    let midSnapshot = false;
    const deadline = Date.now() + 20_000;
    const watch = setInterval(() => {
      if (acked.length < 5) return;
      const names = readdirSync(storePaths(dataDir).dir);
      midSnapshot = names.some(unfinishedSnapshot);
      if (midSnapshot || Date.now() > deadline) {
        clearInterval(watch);
        child.kill('SIGKILL');
      }
    }, 2);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('present ')) present = JSON.parse(line.slice(8));
        else if (line.startsWith('ack ')) acked.push(Number(line.slice(4)));
      }
    });
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      if (signal === 'SIGKILL' && present) resolve({ present, acked, midSnapshot });
      else reject(new Error(`child ended with ${code ?? signal} before the kill\n${err}`));
    });
  });
}

describe('kill -9 during a snapshot', () => {
  it('loses no acknowledged write, and the next snapshot clears what the killed one left', { timeout: 600_000 }, async () => {
    const dataDir = tempDataDir('deskline-snapshot-kill-');
    const acknowledged = new Set<number>();
    let killedMidSnapshot = 0;
    for (let round = 0; round <= rounds; round++) {
      const { present, acked, midSnapshot } = await runChild(dataDir);
      const found = new Map(present);
      for (const id of acknowledged) expect(found.get(id), `acknowledged write ${id} after kill ${round}`).toBe(2);
      for (const [id, rows] of found) expect(rows, `transaction ${id} is complete`).toBe(2);
      acked.forEach((id) => acknowledged.add(id));
      if (midSnapshot && round < rounds) killedMidSnapshot++;
    }
    expect(killedMidSnapshot, 'kills that landed while a snapshot file was half-written').toBeGreaterThanOrEqual(2);

    const store = await openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 });
    try {
      await store.commit([{ sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (0, 'test', 'agent', 'after', '', '')" }]);
      expect(await store.snapshotNow()).not.toBeNull();
      const names = readdirSync(storePaths(dataDir).dir);
      expect(names.filter(unfinishedSnapshot)).toEqual([]);
      const manifests = new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.replace('.json', '')));
      expect(names.filter((n) => n.endsWith('.sqlite') && !manifests.has(n.replace('.sqlite', '')))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
