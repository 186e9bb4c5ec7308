// Version 6: a closed call's category or disposition changed later is an amendment (like a note
// saved after wrap-up, note_revisions.is_amendment): the category decides whether the call counts
// as a complaint (S-5 complaint rate), so who changed it, when, and from what to what is kept.
import type { Migration } from './migration';

export const migration006: Migration = {
  version: 6,
  name: 'classification amendments',
  statements: [
    `CREATE TABLE classification_amendments (
      id INTEGER PRIMARY KEY,
      call_id TEXT NOT NULL,
      amended_at INTEGER NOT NULL,
      author_id TEXT NOT NULL,
      author_role TEXT NOT NULL,
      category_before TEXT,
      category_after TEXT,
      disposition_before TEXT,
      disposition_after TEXT
    )`,
    `CREATE INDEX classification_amendments_call ON classification_amendments (call_id, id)`,
  ],
};
