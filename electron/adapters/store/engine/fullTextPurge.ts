// S-6: text removed from the database (retention, an edited note) must not live on in the copies
// on disk. FTS4 keeps a removed row's terms in its older index segments until they are merged, and
// merging every index costs about 0.4 s per 100k calls — too much for a commit, fine for the
// rebuild process. So every snapshot and backup image is written with its full-text indexes
// merged ('optimize'), and secure_delete (sqlEngine.ts) zeroes the pages the merge frees.
import type { Database } from 'sql.js';

export function mergeFullTextIndexes(db: Database): string[] {
  const result = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts4%'");
  const names = (result[0]?.values ?? []).map((row) => String(row[0]));
  for (const name of names) db.run(`INSERT INTO "${name}"("${name}") VALUES ('optimize')`);
  return names;
}
