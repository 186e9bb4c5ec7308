// Child process for the "host gone" test of the rebuild process: opens a store with 64 MB of
// ballast (so each snapshot takes a while to write), prints "ready", then writes snapshots back to
// back until the test kills it.
import { openStore } from '../../../electron/adapters/store/engine/store';

const store = await openStore({ dataDir: process.argv[2]!, snapshotEveryRecords: 1_000_000_000 });
await store.commit([{ sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (0, 'test', 'agent', 'ballast', '', zeroblob(67108864))" }]);
process.stdout.write('ready\n');
for (let n = 1; ; n++) {
  await store.commit([{ sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (?, 'test', 'agent', 'marker', ?, '')", params: [n, String(n)] }]);
  await store.snapshotNow();
}
