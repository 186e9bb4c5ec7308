// Worker thread entry for the store. Mode "engine" owns the live sql.js database: it recovers it at
// start, applies durable journal batches in order and answers queries, so big queries and sql.js's
// memory-growth copies never run on the main thread. Modes "snapshot" and "backup" rebuild the
// database up to a sequence number and write it out (rebuildJob.ts); they run here only where the
// store cannot start its rebuild process (rebuildLauncher.ts).
// Mode "journal" does the journal's write + fdatasync (journalFileWorker.ts); mode "checkBackup" checks
// (and installs) a backup for a restore (backupCheck.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'sql.js';
import { lowerThisThreadPriority } from './backgroundPriority';
import { checkBackupFile } from './backupCheck';
import type { JournalRecord } from './journalFormat';
import { runJournalFileWorker } from './journalFileWorker';
import { runRebuildJob } from './rebuildJob';
import { recoverDatabase } from './recovery';
import { applyRecord, queryRows, schemaVersion } from './sqlEngine';
import { storePaths } from './storeFiles';
import { keyFromBase64 } from './storeCipher';
import type { EngineReply, EngineRequest, StoreWorkerData } from './storeWorkerProtocol';

const port = parentPort!;
const data = workerData as StoreWorkerData;
const post = (message: EngineReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

if (data.mode === 'journal') {
  runJournalFileWorker(port, data.firstFile);
} else if (data.mode === 'snapshot' || data.mode === 'backup') {
  // Only where no rebuild process can be started (rebuildLauncher.ts); it shares the host's memory.
  lowerThisThreadPriority();
  void runRebuildJob(data).then((reply) => post(reply));
} else if (data.mode === 'checkBackup') {
  lowerThisThreadPriority(); // like snapshots: a background check must not slow the desk's commits
  void checkBackupFile(data.file, data.snapshotDir, keyFromBase64(data.backupKey), keyFromBase64(data.key)).then((reply) => post(reply));
} else {
  const engineData = data;
  let db: Database | null = null;
  port.on('message', (message: EngineRequest) => {
    void handle(message);
  });

  async function handle(message: EngineRequest): Promise<void> {
    switch (message.type) {
      case 'open': {
        try {
          const recovered = await recoverDatabase(storePaths(engineData.dataDir), {
            readOnly: engineData.readOnly ?? false,
            key: keyFromBase64(engineData.key),
            onProgress: (done, total) => post({ type: 'progress', done, total }),
          });
          db = recovered.db;
          post({ type: 'opened', report: recovered.report });
        } catch (error) {
          post({ type: 'failed', message: (error as Error).message });
        }
        return;
      }
      case 'apply': {
        const records = message.records as JournalRecord[];
        const errors: Array<{ seq: number; message: string }> = [];
        for (const record of records) {
          try {
            applyRecord(db!, record);
          } catch (error) {
            errors.push({ seq: record.seq, message: (error as Error).message });
          }
        }
        post({ type: 'applied', throughSeq: records.at(-1)?.seq ?? 0, errors });
        return;
      }
      case 'query':
        try {
          post({ type: 'rows', id: message.id, rows: queryRows(db!, message.sql, message.params) });
        } catch (error) {
          post({ type: 'queryError', id: message.id, message: (error as Error).message });
        }
        return;
      case 'export': {
        const image = db!.export();
        const buffer = image.buffer.slice(image.byteOffset, image.byteOffset + image.byteLength) as ArrayBuffer;
        post({ type: 'exported', id: message.id, image: buffer, schemaVersion: schemaVersion(db!) }, [buffer]);
        return;
      }
    }
  }
}
