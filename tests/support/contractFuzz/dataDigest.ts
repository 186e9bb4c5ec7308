// A digest of everything a host keeps for a data dir: every table of the store, and every file
// under the data dir (name, size, content). Equal digests before and after a batch of refused
// payloads prove that a refusal changed nothing.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../../../electron/adapters/store/engine/store';

export async function storeDigest(store: Store): Promise<string> {
  const hash = createHash('sha256');
  const tables = await store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
  for (const { name } of tables) {
    const rows = await store.query(`SELECT * FROM "${String(name)}" ORDER BY rowid`).catch(
      // FTS shadow and virtual tables without rowid order: read them as they come.
      () => store.query(`SELECT * FROM "${String(name)}"`),
    );
    hash.update(`${String(name)}\n${JSON.stringify(rows)}\n`);
  }
  return hash.digest('hex');
}

export function dataDirDigest(dataDir: string): string {
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else hash.update(`${path.relative(dataDir, full)} ${statSync(full).size}\n`).update(readFileSync(full));
    }
  };
  visit(dataDir);
  return hash.digest('hex');
}
