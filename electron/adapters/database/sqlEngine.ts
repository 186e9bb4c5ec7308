// The sql.js side of the store, shared by the engine worker, the snapshot worker and the CLIs:
// open a database image, apply journal records deterministically, run migrations.
import { createRequire } from 'node:module';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { indexTokens } from '../../../shared/domain/searchTokens';
import type { JournalRecord, SqlStatement } from './journalFormat';
import { latestSchemaVersion, migrations } from './migrations';

let sqlJs: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlJs) {
    const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    sqlJs = initSqlJs({ locateFile: () => wasm });
  }
  return sqlJs;
}

export async function openDatabase(image: Uint8Array | null): Promise<Database> {
  const SQL = await loadSqlJs();
  const db = image ? new SQL.Database(image) : new SQL.Database();
  // Deterministic, so replaying the journal rebuilds exactly the same index.
  db.create_function('search_tokens', (text: unknown) => indexTokens(String(text ?? '')));
  db.run('PRAGMA foreign_keys = ON');
  return db;
}

export function schemaVersion(db: Database): number {
  return Number(db.exec('PRAGMA user_version')[0]?.values[0]?.[0] ?? 0);
}

/** Runs one migration inside a transaction and stamps the version. */
export function applyMigration(db: Database, version: number): void {
  const migration = migrations.find((m) => m.version === version);
  if (!migration) throw new Error(`No migration ${version}; this Deskline is older than its data (schema ${latestSchemaVersion}).`);
  if (schemaVersion(db) !== version - 1) throw new Error(`Migration ${version} needs schema ${version - 1}, found ${schemaVersion(db)}.`);
  db.run('BEGIN');
  try {
    for (const statement of migration.statements) db.run(statement);
    db.run(`PRAGMA user_version = ${version}`);
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw new Error(`Migration ${version} (${migration.name}) failed: ${(error as Error).message}`, { cause: error });
  }
}

/** Applies statements atomically: all or nothing. */
export function applyStatements(db: Database, statements: readonly SqlStatement[]): void {
  db.run('BEGIN');
  try {
    for (const s of statements) db.run(s.sql, (s.params ?? []) as SqlValue[]);
    db.run('COMMIT');
  } catch (error) {
    db.run('ROLLBACK');
    throw error;
  }
}

export function applyRecord(db: Database, record: JournalRecord): void {
  if (record.kind === 'migrate') applyMigration(db, record.version);
  else applyStatements(db, record.statements);
}

export type Row = Record<string, SqlValue>;

export function queryRows(db: Database, sql: string, params: readonly (string | number | null)[] = []): Row[] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params as SqlValue[]);
    const rows: Row[] = [];
    while (statement.step()) rows.push(statement.getAsObject());
    return rows;
  } finally {
    statement.free();
  }
}
