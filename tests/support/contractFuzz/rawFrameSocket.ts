// A WebSocket to the web host's contract binding that sends any frame (binary, text with any bytes)
// and hands back, in order, each frame the host answers with other than an event; for the framing fuzz.
import WebSocket from 'ws';
import type { RunningWebHost } from '../webHost';

export interface RawFrameSocket {
  /** Sends one frame and waits for the next non-event frame the host sends back. */
  exchange(data: string | Buffer, options: { binary: boolean }): Promise<unknown>;
  /** Resolves with the close code once the host closed the socket (or it was closed here). */
  closed: Promise<number>;
  isOpen(): boolean;
  /** Frames the host sent that answered nothing sent (each frame must get exactly one answer). */
  unexpected: unknown[];
  close(): void;
}

export async function openRawFrameSocket(host: RunningWebHost, timeoutMs = 10_000): Promise<RawFrameSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { origin: host.origin });
  const answers: unknown[] = [];
  const waiters: Array<(frame: unknown) => void> = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { event?: string };
    if (frame.event !== undefined) return;
    const waiter = waiters.shift();
    if (waiter) waiter(frame);
    else answers.push(frame);
  });
  // The client may see the connection reset when the host drops it; that is reported through `closed`.
  ws.on('error', () => undefined);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    exchange: (data, { binary }) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms to a ${binary ? 'binary' : 'text'} frame of ${data.length}`)), timeoutMs);
        const done = (frame: unknown) => {
          clearTimeout(timer);
          resolve(frame);
        };
        waiters.push(done);
        void closed.then((code) => {
          clearTimeout(timer);
          reject(new Error(`the host closed the socket (${code}) instead of answering`));
        });
        ws.send(data, { binary });
      }),
    closed,
    isOpen: () => ws.readyState === WebSocket.OPEN,
    unexpected: answers,
    close: () => ws.close(),
  };
}
