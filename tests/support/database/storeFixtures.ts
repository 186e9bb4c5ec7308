// Small helpers for store tests: numbered marker rows, and the files a data dir holds.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { openStore, type Store, type StoreOptions } from '../../../electron/adapters/store/engine/store';
import { storePaths } from '../../../electron/adapters/store/engine/storeFiles';

export const markerInsert = (n: number, text = `marker ${n}`) => ({
  sql: "INSERT INTO audit_log (at, actor_id, actor_role, action, subject, detail_json) VALUES (?, 'test', 'agent', 'marker', ?, ?)",
  params: [n, String(n), text],
});

/** Commits markers `from`..`to`, one transaction each, and returns the store still open. */
export async function commitMarkers(store: Store, from: number, to: number): Promise<void> {
  for (let n = from; n <= to; n++) await store.commit([markerInsert(n)]);
}

export async function markers(store: Store): Promise<number[]> {
  const rows = await store.query("SELECT subject FROM audit_log WHERE action = 'marker' ORDER BY CAST(subject AS INTEGER)");
  return rows.map((r) => Number(r.subject));
}

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export function dbFiles(dataDir: string): string[] {
  return readdirSync(storePaths(dataDir).dir).sort();
}

export function damagedFiles(dataDir: string): string[] {
  try {
    return readdirSync(storePaths(dataDir).damagedDir).sort();
  } catch {
    return [];
  }
}

export const dbPath = (dataDir: string, name: string) => path.join(storePaths(dataDir).dir, name);

export async function withStore<T>(dataDir: string, body: (store: Store) => Promise<T>, options: Pick<StoreOptions, 'snapshotEveryRecords' | 'dataKey'> = {}): Promise<T> {
  const store = await openStore({ dataDir, ...options });
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}
