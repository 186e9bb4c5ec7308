// Child process for the kill -9 test: opens the store (recovering whatever the last kill left),
// reports every id it finds, then commits pairs of rows in a loop and prints each acknowledgement.
// With DESKLINE_PASSPHRASE set, the store is encrypted (issue 13), as the web host would open it.
import { passphraseFromHost } from '../../../electron/adapters/store/engine/passphraseSource';
import { openStore } from '../../../electron/adapters/store/engine/store';
import { resolveStoreKey } from '../../../electron/adapters/store/engine/storeKeyFile';

const dataDir = process.argv[2]!;
const dataKey = await resolveStoreKey(dataDir, { protector: passphraseFromHost([], process.env).protector });
const store = await openStore({ dataDir, snapshotEveryRecords: Number(process.argv[3] ?? 200), dataKey });
const rows = await store.query("SELECT subject, count(*) AS n FROM audit_log WHERE action = 'crash-test' GROUP BY subject");
process.stdout.write(`present ${JSON.stringify(rows.map((r) => [Number(r.subject), Number(r.n)]))}\n`);
let next = rows.reduce((max, r) => Math.max(max, Number(r.subject)), 0) + 1;
for (;;) {
  const id = next++;
  // Two rows per transaction: after any crash, either both are there or neither.
  await store.commit([
    { sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (?, 'crash', 'agent', 'crash-test', ?, ?)", params: [Date.now(), String(id), 'x'.repeat(200)] },
    { sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (?, 'crash', 'agent', 'crash-test', ?, ?)", params: [Date.now(), String(id), '退款申请'.repeat(20)] },
  ]);
  process.stdout.write(`ack ${id}\n`);
}
