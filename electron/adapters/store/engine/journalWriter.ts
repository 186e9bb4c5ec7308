// Appends committed transactions to the journal and makes them durable (fdatasync) before they
// are acknowledged. The disk I/O runs on a dedicated worker thread (journalFileWorker.ts), so the
// main thread never blocks on the disk. While one batch is being written, new commits queue and
// go together in the next write + fdatasync (group commit). Sequence numbers are given when a
// batch is sent, in order, so a failed write leaves no gap. Each batch is handed to the engine as
// it is sent, so applying it overlaps the write instead of following it. With a data key, each
// record is sealed here (AES-GCM, microseconds per record) before it goes to the I/O thread.
import type { Worker } from 'node:worker_threads';
import type { DataKey } from './storeCipher';
import { encodeRecord, type JournalRecord, type SqlStatement } from './journalFormat';
import type { JournalIoReply, JournalIoRequest } from './journalFileWorker';
import { segmentFile } from './storeFiles';
import { spawnStoreWorker } from './workerEntry';

/** A journal record before it is given its sequence number. */
export type RecordBody = { kind: 'tx'; statements: SqlStatement[] } | { kind: 'migrate'; version: number };

interface Pending {
  body: RecordBody;
  resolve: (record: JournalRecord) => void;
  reject: (error: Error) => void;
}

/** Strictly sequential requests to the journal's I/O thread. */
class JournalIo {
  private replies: Array<(reply: JournalIoReply) => void> = [];

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: JournalIoReply) => this.replies.shift()?.(reply));
    worker.on('error', (error) => {
      for (const r of this.replies.splice(0)) r({ type: 'failed', message: `journal thread stopped: ${error.message}` });
    });
  }

  async request(message: JournalIoRequest): Promise<void> {
    const reply = await new Promise<JournalIoReply>((resolve) => {
      this.replies.push(resolve);
      this.worker.postMessage(message);
    });
    if (reply.type === 'failed') throw new Error(reply.message);
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export class JournalWriter {
  private queue: Pending[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private active = false;
  private closed = false;
  /**
   * Set when a batch reached the engine but could not be made durable: memory and disk now
   * disagree, so no further write is accepted until Deskline restarts (and recovers from disk).
   */
  private failure: Error | null = null;

  private constructor(
    private readonly dir: string,
    private readonly io: JournalIo,
    private nextSeq: number,
    private segmentStart: number,
    /** Receives each batch in sequence order as it is sent to disk (the engine applies it). */
    private readonly onWritten: (records: JournalRecord[]) => void,
    /** Seals every record (issue 13); null writes plain records (an unencrypted store). */
    private readonly key: DataKey | null,
  ) {}

  static async open(dir: string, nextSeq: number, onWritten: (records: JournalRecord[]) => void, key: DataKey | null = null): Promise<JournalWriter> {
    const worker = spawnStoreWorker({ mode: 'journal', firstFile: segmentFile(dir, nextSeq) });
    const io = new JournalIo(worker);
    // A no-op write proves the thread is up and the segment open before anything is acknowledged.
    await io.request({ type: 'write', bytes: new Uint8Array(0) });
    return new JournalWriter(dir, io, nextSeq, nextSeq, onWritten, key);
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  get currentSegmentStart(): number {
    return this.segmentStart;
  }

  append(body: RecordBody): Promise<JournalRecord> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ body, resolve, reject });
      if (!this.active) this.flushing = this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.active = true;
    try {
      await this.flushQueue();
    } finally {
      this.active = false;
      // An append made while this flush was finishing found it still active and only queued.
      if (this.queue.length > 0) this.flushing = this.flush();
    }
  }

  /** Writes batches until the queue is empty. */
  private async flushQueue(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const records: JournalRecord[] = [];
      const frames: Buffer[] = [];
      const accepted: Pending[] = [];
      for (const pending of batch) {
        const record = { seq: this.nextSeq + records.length, ...pending.body } as JournalRecord;
        try {
          frames.push(encodeRecord(record, this.key));
          records.push(record);
          accepted.push(pending);
        } catch (error) {
          pending.reject(error as Error); // e.g. larger than a record may be; nothing written
        }
      }
      if (accepted.length === 0) continue;
      this.onWritten(records);
      try {
        await this.io.request({ type: 'write', bytes: Buffer.concat(frames) });
      } catch (error) {
        const message = `The write could not be made durable: ${(error as Error).message}`;
        this.failure = new Error(`${message}. Restart Deskline; it recovers every saved write from disk.`);
        for (const p of [...accepted, ...this.queue.splice(0)]) p.reject(new Error(message));
        continue;
      }
      this.nextSeq += records.length;
      accepted.forEach((p, i) => p.resolve(records[i]!));
    }
  }

  private async idle(): Promise<void> {
    while (this.active || this.queue.length > 0) {
      if (!this.active) this.flushing = this.flush();
      await this.flushing;
    }
  }

  /**
   * Waits until nothing is being written, then holds the writer (appends only queue) so the
   * segment can be swapped or closed without a write racing it.
   */
  private async hold(): Promise<void> {
    for (;;) {
      await this.idle();
      // idle() resolved in a later microtask; an append may have started a flush since.
      if (!this.active && this.queue.length === 0) break;
    }
    this.active = true;
  }

  private release(): void {
    this.active = false;
    if (this.queue.length > 0) this.flushing = this.flush();
  }

  /** Closes the current segment and starts a new one; returns the last sequence number written before it. */
  async rotate(): Promise<number> {
    await this.hold();
    try {
      const last = this.lastSeq;
      await this.io.request({ type: 'rotate', file: segmentFile(this.dir, this.nextSeq) });
      this.segmentStart = this.nextSeq;
      return last;
    } finally {
      this.release();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.hold();
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('The store is closed.'));
    await this.io.request({ type: 'close' }).catch(() => {});
    await this.io.terminate();
  }
}
