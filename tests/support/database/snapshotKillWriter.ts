// Child process for the kill-during-snapshot test: opens the store (recovering whatever the last
// kill left), reports the ids it finds, then writes snapshots back to back while it commits pairs
// of rows and prints each acknowledgement. A 16 MB row makes each snapshot take a while to write.
import { openStore } from '../../../electron/adapters/store/engine/store';

const dataDir = process.argv[2]!;
const store = await openStore({ dataDir, snapshotEveryRecords: 1_000_000_000 });
const rows = await store.query("SELECT subject, count(*) AS n FROM audit_log WHERE action = 'snapshot-kill' GROUP BY subject");
process.stdout.write(`present ${JSON.stringify(rows.map((r) => [Number(r.subject), Number(r.n)]))}\n`);
if ((await store.query("SELECT count(*) AS n FROM audit_log WHERE action = 'ballast'"))[0]!.n === 0) {
  await store.commit([{ sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (0, 'test', 'agent', 'ballast', '', zeroblob(16777216))" }]);
}
void (async () => {
  for (;;) await store.snapshotNow();
})();
let next = rows.reduce((max, r) => Math.max(max, Number(r.subject)), 0) + 1;
for (;;) {
  const id = next++;
  const insert = { sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (?, 'test', 'agent', 'snapshot-kill', ?, 'x')", params: [Date.now(), String(id)] };
  await store.commit([insert, insert]); // both rows or neither
  process.stdout.write(`ack ${id}\n`);
}
