// Runs in a store worker (mode "checkBackup"): reads a backup file, checks it is a Deskline database
// this version can use (PRAGMA integrity_check reads every page, seconds on a big file, so never on
// the main thread), and, when asked, writes it as snapshot 0 of a new database folder.
import { readFileSync } from 'node:fs';
import { latestSchemaVersion } from '../migrations';
import { writeSnapshot } from './snapshotWriter';
import { openDatabase, queryRows, schemaVersion } from './sqlEngine';
import type { BackupCheck, EngineReply } from './storeWorkerProtocol';
import { openImage } from './sealedImage';
import { KeyNeededError, WrongKeyError, type DataKey } from './storeCipher';

/**
 * `backupKey` opens a sealed backup (issue 13; a plain one needs none); `key` seals the installed
 * snapshot 0 when the store is encrypted. A key that does not fit is told as such, not as damage.
 */
export async function checkBackupFile(file: string, snapshotDir: string | null, backupKey: DataKey | null = null, key: DataKey | null = null): Promise<EngineReply> {
  let image: Uint8Array;
  try {
    image = readFileSync(file);
  } catch (error) {
    return { type: 'backupRejected', message: `Cannot read the backup file ${file}: ${(error as Error).message}` };
  }
  try {
    image = openImage(image, backupKey, `The backup ${file}`);
  } catch (error) {
    if (error instanceof KeyNeededError || error instanceof WrongKeyError) return { type: 'backupRejected', message: (error as Error).message };
    return { type: 'backupRejected', message: `${file} is not a readable Deskline backup (${(error as Error).message}).` };
  }
  let db;
  try {
    db = await openDatabase(image);
    const integrity = queryRows(db, 'PRAGMA integrity_check')[0]?.integrity_check;
    if (integrity !== 'ok') throw new Error(`integrity check says: ${String(integrity)}`);
  } catch (error) {
    db?.close();
    return { type: 'backupRejected', message: `${file} is not a readable Deskline backup (${(error as Error).message}).` };
  }
  try {
    const version = schemaVersion(db);
    if (version < 1 || version > latestSchemaVersion) {
      return { type: 'backupRejected', message: `${file} has schema version ${version}; this Deskline reads 1 to ${latestSchemaVersion}.` };
    }
    const count = (table: string) => Number(queryRows(db, `SELECT count(*) AS n FROM ${table}`)[0]?.n ?? 0);
    const check: BackupCheck = { schemaVersion: version, calls: count('calls'), customers: count('customers') };
    // The bytes checked are the bytes installed (the file could change after the check).
    if (snapshotDir !== null) writeSnapshot(snapshotDir, 0, image, version, key);
    return { type: 'backupChecked', check };
  } catch (error) {
    return { type: 'failed', message: (error as Error).message };
  } finally {
    db.close();
  }
}
