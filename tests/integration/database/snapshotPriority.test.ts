// Issue 12: a snapshot must not take the CPU from the threads that acknowledge commits. The
// rebuild's worker thread runs below them (Linux keeps a nice value per thread), and commits made
// while it runs are all kept.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { backgroundNiceSteps } from '../../../electron/adapters/database/backgroundPriority';
import { openStore } from '../../../electron/adapters/database/store';
import { tempDataDir } from '../../support/webHost';
import { commitMarkers, markers, range } from '../../support/database/storeFixtures';

/** Nice values of this process's threads (field 19 of /proc/self/task/<tid>/stat). */
function threadNiceValues(): number[] {
  const values: number[] = [];
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the name may hold spaces
      values.push(Number(fields[16]));
    } catch {
      // the thread ended while we looked
    }
  }
  return values;
}

describe('snapshot priority', () => {
  it.runIf(process.platform === 'linux')('rebuilds on a thread below the commit threads, and keeps every commit made meanwhile', async () => {
    const dataDir = tempDataDir('deskline-snapshot-priority-');
    const store = await openStore({ dataDir, snapshotEveryRecords: 1_000_000 });
    const base = os.getPriority(0);
    const expected = Math.min(19, base + backgroundNiceSteps);
    try {
      await commitMarkers(store, 1, 200);
      // 16 MB to write keeps the rebuild running long enough to be seen on a busy machine.
      await store.commit([{ sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (0, 'test', 'agent', 'ballast', '', zeroblob(16777216))" }]);
      let done = false;
      const snapshot = store.snapshotNow().finally(() => (done = true));
      let next = 201;
      let seenLowered = false;
      while (!done) {
        await store.commit([{ sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (?, 'test', 'agent', 'marker', ?, ?)", params: [next, String(next), 'during'] }]);
        next++;
        seenLowered ||= threadNiceValues().includes(expected);
      }
      expect((await snapshot)?.seq).toBeGreaterThanOrEqual(200);
      expect(seenLowered).toBe(true);
      expect(os.getPriority(0)).toBe(base);
      expect(await markers(store)).toEqual(range(1, next - 1));
    } finally {
      await store.close();
    }
  });
});
