// The sql.js side of the store, shared by the engine worker, the snapshot worker and the CLIs:
// open a database image, apply journal records deterministically, run migrations.
import { createRequire } from 'node:module';
import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import { indexTokens } from '../../../../shared/domain/searchTokens';
import type { JournalRecord, SqlStatement } from './journalFormat';
import { latestSchemaVersion, migrations } from '../migrations';
import { auditRowHashSql } from './auditChainHash';

let sqlJs: Promise<SqlJsStatic> | null = null;

export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlJs) {
    const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    sqlJs = initSqlJs({ locateFile: () => wasm });
  }
  return sqlJs;
}

/**
 * sql.js keeps the database as one file in Emscripten's in-memory file system, backed by a single
 * Uint8Array. When a write needs more room than that array has, the file system allocates one
 * 1.125 times larger and copies the whole database into it, so now and then an ordinary commit
 * paid for a copy of the entire database (a quarter of a second at 100k calls, seconds at 1M).
 * Commits must not grow in cost with the database size, so the file is given its growth room up
 * front: sql.js copies the image in with `image.slice()`, and a typed array's species decides what
 * `slice` allocates, so the copy lands in an array with room to spare. The spare room is zero pages
 * the OS commits only when written: it costs address space, not memory.
 */
export function growthRoomFor(bytes: number): number {
  return Math.min(maxFileBytes - bytes, Math.max(minGrowthRoomBytes, bytes));
}
/** The most a typed array may hold (Node's buffer.constants.MAX_LENGTH on 64-bit). */
const maxFileBytes = 2 ** 32;
const minGrowthRoomBytes = 256 * 1024 * 1024;

/**
 * The image as an array whose `slice` lands in one `roomBytes` longer. Where the room cannot be
 * had (a strict overcommit policy, a limit on address space) the copy is an exact one, as before:
 * commits then pay for growth now and then, but the database opens.
 */
export function withGrowthRoom(image: Uint8Array, roomBytes: number): Uint8Array {
  const capacity = image.length + roomBytes;
  class RoomyImage extends Uint8Array {
    static get [Symbol.species]() {
      return function allocate(length: number) {
        try {
          return new Uint8Array(Math.max(length, capacity));
        } catch {
          return new Uint8Array(length);
        }
      } as unknown as Uint8ArrayConstructor;
    }
  }
  return new RoomyImage(image.buffer as ArrayBuffer, image.byteOffset, image.length);
}

let emptyImage: Uint8Array | null = null;

export async function openDatabase(image: Uint8Array | null): Promise<Database> {
  const SQL = await loadSqlJs();
  if (!image) {
    // An empty database has no file yet; start from a one-page image so it gets growth room too.
    if (!emptyImage) {
      const empty = new SQL.Database();
      emptyImage = empty.export();
      empty.close();
    }
    image = emptyImage;
  }
  const db = new SQL.Database(withGrowthRoom(image, growthRoomFor(image.length)));
  // Deterministic, so replaying the journal rebuilds exactly the same index.
  db.create_function('search_tokens', (text: unknown) => indexTokens(String(text ?? '')));
  // S-6: the audit log's hash chain (auditChainHash.ts); deterministic for the same reason.
  db.create_function('audit_row_hash', auditRowHashSql);
  db.run('PRAGMA foreign_keys = ON');
  // S-6: a deleted or overwritten row's bytes are zeroed, not left in free pages that snapshots and
  // backups (images of this database) would carry on after retention removed the data. Measured:
  // no change in the engine's median apply time per commit at 100k calls.
  db.run('PRAGMA secure_delete = ON');
  // The file lives in memory and dies with the process; durability is the store's own journal. A
  // rollback journal in memory, not as a file created and deleted in Emscripten's file system on
  // every transaction, takes about a third off the engine's work per commit.
  db.run('PRAGMA journal_mode = MEMORY');
  db.run('PRAGMA synchronous = OFF');
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
