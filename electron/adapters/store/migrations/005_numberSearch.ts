// Version 5: S-6, numbers out of reach of prefix search for roles that see them masked. Until now
// calls_fts held notes, the caller's display name and number in one column, so a QA user could
// recover a masked number digit by digit with prefix searches ("1*", "13*", "138*" …). The index
// now keeps the notes (`body`) apart from the caller (`party`: display name and number): masked
// roles search `body` only and find a number by the whole number (calls.remote_number, indexed);
// team leads and admins, who see numbers in full, search both columns as before.
import type { Migration } from './migration';

const bodyText = (r: string) => `search_tokens(${r}.notes)`;
const partyText = (r: string) => `search_tokens(coalesce(${r}.remote_name, '') || ' ' || ${r}.remote_number)`;

export const migration005: Migration = {
  version: 5,
  name: 'number search apart from notes',
  statements: [
    `DROP TRIGGER calls_fts_insert`,
    `DROP TRIGGER calls_fts_update`,
    `DROP TRIGGER calls_fts_delete`,
    `DROP TABLE calls_fts`,
    `CREATE VIRTUAL TABLE calls_fts USING fts4(body, party, tokenize=simple)`,
    `CREATE TRIGGER calls_fts_insert AFTER INSERT ON calls BEGIN
      INSERT INTO calls_fts (docid, body, party) VALUES (NEW.rowid, ${bodyText('NEW')}, ${partyText('NEW')}); END`,
    `CREATE TRIGGER calls_fts_update AFTER UPDATE OF notes, remote_name, remote_number ON calls BEGIN
      DELETE FROM calls_fts WHERE docid = OLD.rowid;
      INSERT INTO calls_fts (docid, body, party) VALUES (NEW.rowid, ${bodyText('NEW')}, ${partyText('NEW')}); END`,
    `CREATE TRIGGER calls_fts_delete AFTER DELETE ON calls BEGIN DELETE FROM calls_fts WHERE docid = OLD.rowid; END`,
    `INSERT INTO calls_fts (docid, body, party) SELECT c.rowid, ${bodyText('c')}, ${partyText('c')} FROM calls c`,
  ],
};
