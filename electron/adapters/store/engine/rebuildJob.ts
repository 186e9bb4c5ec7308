// The heavy part of a snapshot or a backup: rebuild the database up to a sequence number from the
// snapshot + journal on disk and write it out. It runs on a worker thread of the store's rebuild
// process (rebuildProcess.ts), or of the host where no such process can be started, never on a
// thread that acknowledges commits.
import { mergeFullTextIndexes } from './fullTextPurge';
import { recoverDatabase } from './recovery';
import { writeFileDurablySync } from '../../files/durableFiles';
import { writeSnapshot } from './snapshotWriter';
import { schemaVersion } from './sqlEngine';
import { storePaths } from './storeFiles';
import { keyFromBase64 } from './storeCipher';
import { sealImage } from './sealedImage';
import { readKeyRecord } from './storeKeyFile';
import type { EngineReply, StoreWorkerData } from './storeWorkerProtocol';

export type RebuildJob = Extract<StoreWorkerData, { mode: 'snapshot' | 'backup' }>;
export type RebuildResult = Extract<EngineReply, { type: 'snapshotWritten' | 'backupWritten' | 'failed' }>;

/** Never throws: a failure becomes a 'failed' reply. */
export async function runRebuildJob(job: RebuildJob): Promise<RebuildResult> {
  try {
    const paths = storePaths(job.dataDir);
    const key = keyFromBase64(job.key);
    const { db, report } = await recoverDatabase(paths, { readOnly: true, upToSeq: job.upToSeq, key });
    const started = performance.now();
    mergeFullTextIndexes(db); // S-6: removed text leaves no terms behind in the copy on disk
    const image = db.export();
    const version = schemaVersion(db);
    db.close();
    if (job.mode === 'backup') {
      // An encrypted store's backup is sealed too, and carries the wrapped key (issue 13).
      const out = key ? sealImage(key, image, 'backup', readKeyRecord(job.dataDir) ?? undefined) : image;
      writeFileDurablySync(job.outFile, out);
      return { type: 'backupWritten', bytes: out.length, seq: report.lastSeq };
    }
    const manifest = writeSnapshot(paths.dir, report.lastSeq, image, version, key);
    return { type: 'snapshotWritten', manifest, millis: performance.now() - started };
  } catch (error) {
    return { type: 'failed', message: (error as Error).message };
  }
}
