// A schema migration: a version number and the SQL that moves the database from version-1 to it.
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}
