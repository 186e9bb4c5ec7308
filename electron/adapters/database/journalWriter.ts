// Appends committed transactions to the journal and makes them durable (fdatasync) before they
// are acknowledged. Runs on the main process's I/O threads (async fs), so the event loop never
// blocks on the disk. Concurrent commits share one write + one fdatasync (group commit); sequence
// numbers are given at write time, so a failed write leaves no gap. Each batch is handed to the
// engine as soon as it is written, so applying it overlaps the fdatasync instead of following it.
import { promises as fs } from 'node:fs';
import { encodeRecord, type JournalRecord, type SqlStatement } from './journalFormat';
import { fsyncDir, segmentFile } from './storeFiles';

/** A journal record before it is given its sequence number. */
export type RecordBody = { kind: 'tx'; statements: SqlStatement[] } | { kind: 'migrate'; version: number };

interface Pending {
  body: RecordBody;
  resolve: (record: JournalRecord) => void;
  reject: (error: Error) => void;
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
    private handle: fs.FileHandle,
    private size: number,
    private nextSeq: number,
    private segmentStart: number,
    /** Receives each written batch in sequence order, before its fdatasync (the engine applies it). */
    private readonly onWritten: (records: JournalRecord[]) => void,
  ) {}

  static async open(dir: string, nextSeq: number, onWritten: (records: JournalRecord[]) => void): Promise<JournalWriter> {
    const file = segmentFile(dir, nextSeq);
    const handle = await fs.open(file, 'a');
    const { size } = await handle.stat();
    await handle.sync();
    fsyncDir(dir);
    return new JournalWriter(dir, handle, size, nextSeq, nextSeq, onWritten);
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
          frames.push(encodeRecord(record));
          records.push(record);
          accepted.push(pending);
        } catch (error) {
          pending.reject(error as Error); // e.g. larger than a record may be; nothing written
        }
      }
      if (accepted.length === 0) continue;
      const bytes = Buffer.concat(frames);
      let written = false;
      try {
        await this.handle.write(bytes, 0, bytes.length, this.size);
        written = true;
        this.onWritten(records);
        await this.handle.datasync();
      } catch (error) {
        // Leave no partial record behind for the next append to follow.
        await this.handle.truncate(this.size).catch(() => {});
        const failure = new Error(`The write could not be made durable: ${(error as Error).message}`);
        if (written) {
          this.failure = new Error(`${failure.message}. Restart Deskline; it recovers every saved write from disk.`);
          for (const p of this.queue.splice(0)) p.reject(this.failure);
        }
        for (const p of accepted) p.reject(failure);
        continue;
      }
      this.size += bytes.length;
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

  /** Closes the current segment and starts a new one; returns the last sequence number written before it. */
  async rotate(): Promise<number> {
    await this.idle();
    const last = this.lastSeq;
    await this.handle.close();
    this.segmentStart = this.nextSeq;
    this.handle = await fs.open(segmentFile(this.dir, this.nextSeq), 'a');
    this.size = (await this.handle.stat()).size;
    fsyncDir(this.dir);
    return last;
  }

  async close(): Promise<void> {
    await this.idle();
    this.closed = true;
    await this.handle.close();
  }
}
