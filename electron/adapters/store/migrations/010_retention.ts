// Version 10: S-6 retention. `anonymised_at` marks calls and customers a retention run has
// anonymised, and partial indexes hold only the rows not yet anonymised, by the time retention
// judges them on: a run finds the old rows it still has to do without reading the ones earlier runs
// did (a daily run would otherwise read all history every day). A later change to an anonymised row
// (a note amended, a customer edited) clears the mark, so what was written since is judged again.
import type { Migration } from './migration';

const reopen = (table: string, key: string) => `UPDATE ${table} SET anonymised_at = NULL WHERE ${key} AND anonymised_at IS NOT NULL`;

export const migration010: Migration = {
  version: 10,
  name: 'retention',
  statements: [
    `ALTER TABLE calls ADD COLUMN anonymised_at INTEGER`,
    `ALTER TABLE customers ADD COLUMN anonymised_at INTEGER`,
    `CREATE INDEX calls_retention ON calls (started_at) WHERE anonymised_at IS NULL`,
    `CREATE INDEX customers_retention ON customers (updated_at) WHERE anonymised_at IS NULL`,
    `CREATE TRIGGER calls_retention_reopen AFTER UPDATE OF notes, remote_name, remote_number, customer_id ON calls
      WHEN OLD.anonymised_at IS NOT NULL AND NEW.anonymised_at IS NOT NULL BEGIN ${reopen('calls', 'rowid = NEW.rowid')}; END`,
    `CREATE TRIGGER note_revisions_retention_reopen AFTER INSERT ON note_revisions BEGIN ${reopen('calls', 'id = NEW.call_id')}; END`,
    `CREATE TRIGGER customers_retention_reopen AFTER UPDATE OF name, organisation, tags_json, notes, consent ON customers
      WHEN OLD.anonymised_at IS NOT NULL AND NEW.anonymised_at IS NOT NULL BEGIN ${reopen('customers', 'rowid = NEW.rowid')}; END`,
    `CREATE TRIGGER customer_numbers_retention_reopen AFTER INSERT ON customer_numbers BEGIN ${reopen('customers', 'id = NEW.customer_id')}; END`,
  ],
};
