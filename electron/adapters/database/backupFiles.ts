// Backups are plain SQLite files (any SQLite tool can open them). Restoring checks the file first,
// then moves the current database folder aside (never deletes it) and installs the backup as the
// only snapshot. A restore requested from the UI is staged and applied at the next start, because
// the running store holds the data folder.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { latestSchemaVersion } from './migrations';
import { writeSnapshot } from './snapshotWriter';
import { openDatabase, queryRows, schemaVersion } from './sqlEngine';
import { fsyncDir, storePaths } from './storeFiles';

export const pendingRestoreFile = (dataDir: string) => path.join(dataDir, 'restore-pending.sqlite');
export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

export interface BackupCheck {
  schemaVersion: number;
  calls: number;
  customers: number;
}

/** Opens a backup file and checks it is a Deskline database this version can use. */
export async function checkBackup(file: string): Promise<{ image: Uint8Array; check: BackupCheck }> {
  let image: Uint8Array;
  try {
    image = readFileSync(file);
  } catch (error) {
    throw new Error(`Cannot read the backup file ${file}: ${(error as Error).message}`, { cause: error });
  }
  let db;
  try {
    db = await openDatabase(image);
    const integrity = queryRows(db, 'PRAGMA integrity_check')[0]?.integrity_check;
    if (integrity !== 'ok') throw new Error(`integrity check says: ${String(integrity)}`);
  } catch (error) {
    throw new Error(`${file} is not a readable Deskline backup (${(error as Error).message}).`, { cause: error });
  }
  const version = schemaVersion(db);
  if (version < 1 || version > latestSchemaVersion) {
    db.close();
    throw new Error(`${file} has schema version ${version}; this Deskline reads 1 to ${latestSchemaVersion}.`);
  }
  const count = (table: string) => Number(queryRows(db, `SELECT count(*) AS n FROM ${table}`)[0]?.n ?? 0);
  const check = { schemaVersion: version, calls: count('calls'), customers: count('customers') };
  db.close();
  return { image, check };
}

/** Installs a checked backup as the database. The caller must hold the data-dir lock. */
export async function installBackup(dataDir: string, file: string): Promise<{ check: BackupCheck; previousMovedTo: string | null }> {
  const { image, check } = await checkBackup(file);
  const paths = storePaths(dataDir);
  let previousMovedTo: string | null = null;
  if (existsSync(paths.dir)) {
    previousMovedTo = path.join(dataDir, `db-replaced-${Date.now()}`);
    renameSync(paths.dir, previousMovedTo);
  }
  mkdirSync(paths.dir, { recursive: true });
  writeSnapshot(paths.dir, 0, image, check.schemaVersion);
  fsyncDir(dataDir);
  return { check, previousMovedTo };
}

/** Applies a restore staged from the UI, if there is one (called at start-up, under the lock). */
export async function applyPendingRestore(dataDir: string): Promise<string | null> {
  const staged = pendingRestoreFile(dataDir);
  if (!existsSync(staged)) return null;
  try {
    const { check, previousMovedTo } = await installBackup(dataDir, staged);
    return `Restored a backup with ${check.calls} calls and ${check.customers} customers; the previous data was kept in ${previousMovedTo ?? '(none)'}.`;
  } finally {
    rmSync(staged, { force: true });
  }
}
