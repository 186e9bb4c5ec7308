// Issue 12: a snapshot must not take the CPU or the memory map from the threads that acknowledge
// commits. The rebuild runs in a process of its own whose threads all run below the host's, no
// thread of the host is lowered, and commits made while it runs are all kept.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { backgroundNiceSteps } from '../../../../../../electron/adapters/store/engine/backgroundPriority';
import { openStore } from '../../../../../../electron/adapters/store/engine/store';
import { tempDataDir } from '../../../../../support/webHost';
import { childProcesses, threadNiceValues } from '../../../../../support/database/processTree';
import { commitMarkers, markers, range } from '../../../../../support/database/storeFixtures';

describe('snapshot priority', () => {
  it.runIf(process.platform === 'linux')('rebuilds in a process of its own below the host, and keeps every commit made meanwhile', async () => {
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
      let seenLoweredChild = false;
      let hostThreadLowered = false;
      while (!done) {
        await store.commit([{ sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (?, 'test', 'agent', 'marker', ?, ?)", params: [next, String(next), 'during'] }]);
        next++;
        for (const pid of childProcesses(process.pid, 'rebuildProcess')) {
          const nice = threadNiceValues(pid);
          seenLoweredChild ||= nice.length > 0 && nice.every((n) => n >= expected);
        }
        hostThreadLowered ||= threadNiceValues('self').some((n) => n !== base);
      }
      expect((await snapshot)?.seq).toBeGreaterThanOrEqual(200);
      expect(seenLoweredChild, 'a rebuild process with every thread lowered').toBe(true);
      expect(hostThreadLowered, 'a thread of the host lowered').toBe(false);
      expect(await markers(store)).toEqual(range(1, next - 1));
    } finally {
      await store.close();
    }
  });
});
