// Messages between the store client (main thread) and its worker threads.
import type { JournalRecord } from './journalFormat';
import type { RecoveryReport } from './recovery';
import type { Row } from './sqlEngine';
import type { SnapshotManifest } from './storeFiles';

export type StoreWorkerData =
  | { mode: 'engine'; dataDir: string; readOnly?: boolean }
  | { mode: 'snapshot'; dataDir: string; upToSeq: number }
  /** A backup is built like a snapshot, in its own worker, so the engine keeps serving commits. */
  | { mode: 'backup'; dataDir: string; upToSeq: number; outFile: string }
  | { mode: 'journal'; firstFile: string }
  /** Checks a backup off the main thread; with snapshotDir, also installs it there as snapshot 0. */
  | { mode: 'checkBackup'; file: string; snapshotDir: string | null };

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
