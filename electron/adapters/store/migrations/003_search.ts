// Version 3: full-text search over call notes and customers in Chinese and English. FTS4 (sql.js
// has no FTS5) over text pre-split by the `search_tokens` SQL function (Han bigrams, lower-cased
// words; shared/domain/searchTokens.ts). Triggers keep the index current; existing rows are indexed.
import type { Migration } from './migration';

const callText = (r: string) => `search_tokens(${r}.notes || ' ' || coalesce(${r}.remote_name, '') || ' ' || ${r}.remote_number)`;
const customerText = (r: string) => `search_tokens(${r}.name || ' ' || coalesce(${r}.organisation, '') || ' ' || ${r}.notes || ' ' || ${r}.tags_json)`;

export const migration003: Migration = {
  version: 3,
  name: 'full-text search',
  statements: [
    `CREATE VIRTUAL TABLE calls_fts USING fts4(body, tokenize=simple)`,
    `CREATE VIRTUAL TABLE customers_fts USING fts4(body, tokenize=simple)`,
    `CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
      INSERT INTO calls_fts (docid, body) VALUES (NEW.rowid, ${callText('NEW')}); END`,
    `CREATE TRIGGER calls_fts_update AFTER UPDATE OF notes, remote_name, remote_number ON calls BEGIN
      DELETE FROM calls_fts WHERE docid = OLD.rowid;
      INSERT INTO calls_fts (docid, body) VALUES (NEW.rowid, ${callText('NEW')}); END`,
    `CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls BEGIN DELETE FROM calls_fts WHERE docid = OLD.rowid; END`,
    `CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers BEGIN
      INSERT INTO customers_fts (docid, body) VALUES (NEW.rowid, ${customerText('NEW')}); END`,
    `CREATE TRIGGER customers_fts_update AFTER UPDATE ON customers BEGIN
      DELETE FROM customers_fts WHERE docid = OLD.rowid;
      INSERT INTO customers_fts (docid, body) VALUES (NEW.rowid, ${customerText('NEW')}); END`,
    `CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN DELETE FROM customers_fts WHERE docid = OLD.rowid; END`,
    `INSERT INTO calls_fts (docid, body) SELECT c.rowid, ${callText('c')} FROM calls c`,
    `INSERT INTO customers_fts (docid, body) SELECT c.rowid, ${customerText('c')} FROM customers c`,
  ],
};
