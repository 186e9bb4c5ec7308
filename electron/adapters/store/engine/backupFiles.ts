// Backups are plain SQLite files (any SQLite tool can open them). Restoring checks the file first (in
// a worker), then swaps database folders so that a crash or an error at any moment leaves either
// the previous database or the restored one, never none:
//   1. the backup is written as snapshot 0 of a new folder, db.restoring/ (nothing else changes);
//   2. a marker, restore-swap.json, is written durably: from here on the restore is completed;
//   3. db/ is renamed to db-replaced-<time>/ (kept, never deleted), db.restoring/ to db/;
//   4. the staged file, then the marker, are removed.
// The next start (finishInterruptedRestore) finishes a swap that has a marker and drops a
// db.restoring/ that has none. A restore requested from the UI is staged and applied at the next
// start, because the running store holds the data folder.
// Encryption (issue 13): a sealed backup is opened with the store's key when it was made with it,
// else with the key record it carries (unwrapped by the same passphrase / keychain); a store without
// a key that restores a sealed backup adopts the backup's key file, so the data stays encrypted.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { BackupCheck } from './storeWorkerProtocol';
import { writeFileDurablySync } from '../../files/durableFiles';
import { storePaths } from './storeFiles';
import { fsyncDir } from '../../files/durableFiles';
import type { EngineReply } from './storeWorkerProtocol';
import { spawnStoreWorker } from './workerEntry';
import { keyIdOf, keyToBase64, WrongKeyError, type DataKey } from './storeCipher';
import { readSealedFileHeader } from './sealedImage';
import { keyFile, unwrapKeyRecord, type KeyProtector, type KeyRecord } from './storeKeyFile';

/** The store's data key (null: unencrypted) and what unwraps the key a backup carries. */
export interface RestoreKeys {
  storeKey: DataKey | null;
  protector: KeyProtector | null;
}
const noKeys: RestoreKeys = { storeKey: null, protector: null };

/**
 * The key that opens `file`: null for a plain backup; the store's key if it sealed it; else the
 * backup's own key record, unwrapped by the protector. Throws BackupRejectedError when none fits.
 */
export async function keyForBackup(file: string, keys: RestoreKeys): Promise<{ key: DataKey | null; record: KeyRecord | null }> {
  let header;
  try {
    header = readSealedFileHeader(file);
  } catch (error) {
    throw new BackupRejectedError(`${file} is not a readable Deskline backup (${(error as Error).message}).`);
  }
  if (!header) return { key: null, record: null };
  if (keys.storeKey && header.keyId === keyIdOf(keys.storeKey)) return { key: keys.storeKey, record: null };
  const record = header.keyRecord as KeyRecord | undefined;
  if (!record) throw new BackupRejectedError(`The backup ${file} is encrypted with another data key and carries no key record.`);
  try {
    return { key: await unwrapKeyRecord(record, keys.protector, `The backup ${file}`), record };
  } catch (error) {
    if (error instanceof WrongKeyError) throw new BackupRejectedError(error.message);
    throw error;
  }
}

export type { BackupCheck };

export const pendingRestoreFile = (dataDir: string) => path.join(dataDir, 'restore-pending.sqlite');
export const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');
const restoringDir = (dataDir: string) => path.join(dataDir, 'db.restoring');
const swapMarkerFile = (dataDir: string) => path.join(dataDir, 'restore-swap.json');

/** Where a restore can be interrupted; tests inject a fault (an error, or SIGKILL) after each. */
export type RestoreStep = 'staged' | 'marked' | 'movedAside' | 'installed';
export interface RestoreHooks {
  afterStep?(step: RestoreStep): void;
}

/** The file is not a backup this Deskline can use; nothing was changed. */
export class BackupRejectedError extends Error {
  override name = 'BackupRejectedError';
}

interface SwapMarker {
  /** Where db/ goes; null when there was none. */
  previous: string | null;
  /** The restore came from restore-pending.sqlite, which goes once the swap is done. */
  fromPendingFile: boolean;
}

/**
 * Checks a backup in a worker thread (reading and checking every page of a big file would stall
 * calls and the UI); with `snapshotDir`, the worker also writes it there as snapshot 0.
 */
export async function checkBackup(file: string, snapshotDir: string | null = null, keys: RestoreKeys = noKeys): Promise<BackupCheck> {
  const backupKey = (await keyForBackup(file, keys)).key;
  return checkBackupWith(file, snapshotDir, backupKey, keys.storeKey);
}

function checkBackupWith(file: string, snapshotDir: string | null, backupKey: DataKey | null, storeKey: DataKey | null): Promise<BackupCheck> {
  return new Promise((resolve, reject) => {
    const worker = spawnStoreWorker({ mode: 'checkBackup', file, snapshotDir, backupKey: keyToBase64(backupKey), key: keyToBase64(storeKey) });
    worker.once('message', (reply: EngineReply) => {
      void worker.terminate();
      if (reply.type === 'backupChecked') resolve(reply.check);
      else if (reply.type === 'backupRejected') reject(new BackupRejectedError(reply.message));
      else reject(new Error(reply.type === 'failed' ? `Checking the backup failed: ${reply.message}` : 'Checking the backup failed.'));
    });
    worker.once('error', reject);
  });
}

/** Installs a checked backup as the database. The caller must hold the data-dir lock. */
export async function installBackup(
  dataDir: string,
  file: string,
  hooks: RestoreHooks = {},
  fromPendingFile = false,
  keys: RestoreKeys = noKeys,
): Promise<{ check: BackupCheck; previousMovedTo: string | null }> {
  finishInterruptedRestore(dataDir);
  const staging = restoringDir(dataDir);
  rmSync(staging, { recursive: true, force: true }); // an unfinished staging: never used
  // Checked before anything is written: a key that does not fit changes nothing.
  const backup = await keyForBackup(file, keys);
  // An unencrypted store restoring a sealed backup takes the backup's key (written below, once checked).
  const adopt = keys.storeKey === null && backup.record !== null;
  const storeKey = adopt ? backup.key : keys.storeKey;
  mkdirSync(staging, { recursive: true, mode: 0o700 }); // S-6
  let check: BackupCheck;
  try {
    check = await checkBackupWith(file, staging, backup.key, storeKey);
    if (adopt) {
      // Before the marker: until the swap, the old (plain) database still opens under this key
      // (plain snapshots and records stay readable), so a crash here loses nothing.
      writeFileDurablySync(keyFile(dataDir), `${JSON.stringify(backup.record, null, 2)}\n`);
    }
    fsyncDir(dataDir);
    hooks.afterStep?.('staged');
  } catch (error) {
    rmSync(staging, { recursive: true, force: true }); // no marker yet: the database was not touched
    throw error;
  }
  const previous = existsSync(storePaths(dataDir).dir) ? path.join(dataDir, `db-replaced-${Date.now()}`) : null;
  writeFileDurablySync(swapMarkerFile(dataDir), JSON.stringify({ previous, fromPendingFile } satisfies SwapMarker));
  fsyncDir(dataDir);
  hooks.afterStep?.('marked');
  try {
    completeSwap(dataDir, { previous, fromPendingFile }, hooks);
  } catch (error) {
    // Past the marker the restore goes forward: try once more now, else the next start does it.
    try {
      finishInterruptedRestore(dataDir);
    } catch {
      throw new Error(`The restore was interrupted (${(error as Error).message}); it is completed at the next start.`, { cause: error });
    }
  }
  return { check, previousMovedTo: previous };
}

function completeSwap(dataDir: string, marker: SwapMarker, hooks: RestoreHooks): void {
  const dbDir = storePaths(dataDir).dir;
  const staging = restoringDir(dataDir);
  if (existsSync(staging)) {
    if (existsSync(dbDir)) {
      renameSync(dbDir, marker.previous ?? path.join(dataDir, `db-replaced-${Date.now()}`));
      fsyncDir(dataDir);
    }
    hooks.afterStep?.('movedAside');
    renameSync(staging, dbDir);
    fsyncDir(dataDir);
    hooks.afterStep?.('installed');
  }
  if (marker.fromPendingFile) rmSync(pendingRestoreFile(dataDir), { force: true });
  unlinkSync(swapMarkerFile(dataDir));
  fsyncDir(dataDir);
}

/**
 * Finishes a restore a crash interrupted (called under the lock before the store opens): with a
 * marker, the staged database is complete, so the swap goes forward; without one, a leftover
 * db.restoring/ was never in use and is removed. Returns what was done, or null.
 */
export function finishInterruptedRestore(dataDir: string): string | null {
  const markerFile = swapMarkerFile(dataDir);
  if (!existsSync(markerFile)) {
    if (!existsSync(restoringDir(dataDir))) return null;
    rmSync(restoringDir(dataDir), { recursive: true, force: true });
    return 'Removed the unfinished copy of a restore that was interrupted before it changed anything.';
  }
  let marker: SwapMarker;
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8')) as SwapMarker;
  } catch {
    marker = { previous: null, fromPendingFile: false }; // written durably before use; be safe anyway
  }
  completeSwap(dataDir, marker, {});
  return `Completed a restore that was interrupted; the previous data was kept in ${marker.previous ?? '(none)'}.`;
}

/**
 * Applies a restore staged from the UI, if there is one (called at start-up, under the lock). A
 * staged file that is not a usable backup is set aside as restore-failed-<time>.sqlite and the
 * current data stays; an error during the swap is finished at the next start.
 */
export async function applyPendingRestore(dataDir: string, hooks: RestoreHooks = {}, keys: RestoreKeys = noKeys): Promise<string | null> {
  const finished = finishInterruptedRestore(dataDir);
  const staged = pendingRestoreFile(dataDir);
  if (!existsSync(staged)) return finished;
  try {
    const { check, previousMovedTo } = await installBackup(dataDir, staged, hooks, true, keys);
    return `Restored a backup with ${check.calls} calls and ${check.customers} customers; the previous data was kept in ${previousMovedTo ?? '(none)'}.`;
  } catch (error) {
    if (existsSync(swapMarkerFile(dataDir))) throw error; // half-swapped: never start on it
    if (!(error instanceof BackupRejectedError)) {
      return `The staged restore could not be applied this time (${(error as Error).message}); the current data is unchanged and the restore is tried again at the next start.`;
    }
    const setAside = path.join(dataDir, `restore-failed-${Date.now()}.sqlite`);
    renameSync(staged, setAside);
    fsyncDir(dataDir);
    return `The staged restore was not applied (${(error as Error).message}); the current data is unchanged and the file was kept as ${setAside}.`;
  }
}
