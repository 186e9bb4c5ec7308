// Worker thread entry for the store. Mode "engine" owns the live sql.js database: it recovers it at
// start, applies durable journal batches in order and answers queries, so big queries and sql.js's
// memory-growth copies never run on the main thread. Mode "snapshot" rebuilds the database up to a
// sequence number in a separate worker and writes it as a snapshot, so the engine never stops for it.
// Mode "journal" does the journal's write + fdatasync (journalFileWorker.ts); mode "checkBackup" checks
// (and installs) a backup for a restore (backupCheck.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { Database } from 'sql.js';
import { lowerThisThreadPriority } from './backgroundPriority';
import { checkBackupFile } from './backupCheck';
import type { JournalRecord } from './journalFormat';
import { runJournalFileWorker } from './journalFileWorker';
import { recoverDatabase } from './recovery';
import { writeFileDurablySync } from '../files/durableFiles';
import { writeSnapshot } from './snapshotWriter';
import { applyRecord, queryRows, schemaVersion } from './sqlEngine';
import { storePaths } from './storeFiles';
import type { EngineReply, EngineRequest, StoreWorkerData } from './storeWorkerProtocol';

const port = parentPort!;
const data = workerData as StoreWorkerData;
const post = (message: EngineReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

if (data.mode === 'journal') {
  runJournalFileWorker(port, data.firstFile);
} else if (data.mode === 'snapshot') {
  lowerThisThreadPriority();
  void (async () => {
    try {
      const paths = storePaths(data.dataDir);
      const { db, report } = await recoverDatabase(paths, { readOnly: true, upToSeq: data.upToSeq });
      const started = performance.now();
      const image = db.export();
      const manifest = writeSnapshot(paths.dir, report.lastSeq, image, schemaVersion(db));
      db.close();
      post({ type: 'snapshotWritten', manifest, millis: performance.now() - started });
    } catch (error) {
      post({ type: 'failed', message: (error as Error).message });
    }
  })();
} else if (data.mode === 'checkBackup') {
  lowerThisThreadPriority(); // like snapshots: a background check must not slow the desk's commits
  void checkBackupFile(data.file, data.snapshotDir).then((reply) => post(reply));
} else if (data.mode === 'backup') {
  lowerThisThreadPriority();
  void (async () => {
    try {
      const { db, report } = await recoverDatabase(storePaths(data.dataDir), { readOnly: true, upToSeq: data.upToSeq });
      const image = db.export();
      db.close();
      writeFileDurablySync(data.outFile, image);
      post({ type: 'backupWritten', bytes: image.length, seq: report.lastSeq });
    } catch (error) {
      post({ type: 'failed', message: (error as Error).message });
    }
  })();
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
