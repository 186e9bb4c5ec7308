// The journal's disk I/O, run on its own worker thread: one synchronous write + fdatasync per batch.
// A dedicated thread answers in one message round trip (the async fs API needs two thread-pool hops
// per commit and queues behind other I/O), and sync I/O there never blocks the main thread.
import { closeSync, fdatasyncSync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { fsyncDir } from '../../files/durableFiles';

export type JournalIoRequest =
  | { type: 'write'; bytes: Uint8Array }
  | { type: 'rotate'; file: string }
  | { type: 'close' };

export type JournalIoReply = { type: 'done' } | { type: 'failed'; message: string };

export function runJournalFileWorker(port: MessagePort, firstFile: string): void {
  let fd = openSegment(firstFile);
  let size = fstatSync(fd).size;
  port.on('message', (request: JournalIoRequest) => {
    try {
      switch (request.type) {
        case 'write': {
          const bytes = request.bytes;
          try {
            let written = 0;
            while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, size + written);
            fdatasyncSync(fd);
          } catch (error) {
            // Leave no partial record behind for the next write to follow.
            try {
              ftruncateSync(fd, size);
            } catch {
              // the next start cuts the torn tail instead
            }
            throw error;
          }
          size += bytes.length;
          break;
        }
        case 'rotate':
          closeSync(fd);
          fd = openSegment(request.file);
          size = fstatSync(fd).size;
          break;
        case 'close':
          closeSync(fd);
          break;
      }
      port.postMessage({ type: 'done' } satisfies JournalIoReply);
    } catch (error) {
      port.postMessage({ type: 'failed', message: (error as Error).message } satisfies JournalIoReply);
    }
  });
}

/** Opens (creating if needed) a segment and makes its directory entry durable. */
function openSegment(file: string): number {
  const fd = openSync(file, 'a', 0o600); // S-6
  fsyncDir(path.dirname(file));
  return fd;
}
