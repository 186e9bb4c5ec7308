// Messages between the store client (main thread) and its worker threads.
import type { JournalRecord } from './journalFormat';
import type { RecoveryReport } from './recovery';
import type { Row } from './sqlEngine';
import type { SnapshotManifest } from './storeFiles';

/**
 * `key`: the store's data key, base64 (issue 13), or null for an unencrypted store. It travels only
 * in these in-process messages and in the rebuild process's IPC messages, never in argv or env.
 */
export type StoreWorkerData =
  | { mode: 'engine'; dataDir: string; readOnly?: boolean; key?: string | null }
  | { mode: 'snapshot'; dataDir: string; upToSeq: number; key?: string | null }
  /** A backup is built like a snapshot, in its own worker, so the engine keeps serving commits. */
  | { mode: 'backup'; dataDir: string; upToSeq: number; outFile: string; key?: string | null }
  | { mode: 'journal'; firstFile: string }
  /**
   * Checks a backup off the main thread; with snapshotDir, also installs it there as snapshot 0.
   * backupKey opens a sealed backup; key seals the installed snapshot.
   */
  | { mode: 'checkBackup'; file: string; snapshotDir: string | null; backupKey?: string | null; key?: string | null };

export type EngineRequest =
  | { type: 'open' }
  | { type: 'apply'; records: JournalRecord[] }
  | { type: 'query'; id: number; sql: string; params: Array<string | number | null> }
  | { type: 'export'; id: number };

export type EngineReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'opened'; report: RecoveryReport }
  | { type: 'failed'; message: string }
  /** Sent for every apply batch, so a commit learns whether its statements worked. */
  | { type: 'applied'; throughSeq: number; errors: Array<{ seq: number; message: string }> }
  | { type: 'rows'; id: number; rows: Row[] }
  | { type: 'queryError'; id: number; message: string }
  | { type: 'exported'; id: number; image: ArrayBuffer; schemaVersion: number }
  | { type: 'snapshotWritten'; manifest: SnapshotManifest; millis: number }
  | { type: 'backupWritten'; bytes: number; seq: number }
  | { type: 'backupChecked'; check: BackupCheck }
  /** The file is not a usable backup (as opposed to 'failed': the check itself could not run). */
  | { type: 'backupRejected'; message: string };

export interface BackupCheck {
  schemaVersion: number;
  calls: number;
  customers: number;
}
