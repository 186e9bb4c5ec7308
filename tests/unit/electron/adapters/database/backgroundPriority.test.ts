// A snapshot or backup rebuild runs its worker thread at a lower CPU priority than the threads that
// acknowledge commits; on Linux that is the thread alone, never the whole process.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { backgroundNiceSteps, lowerThisThreadPriority } from '../../../../../electron/adapters/database/backgroundPriority';

const moduleUrl = new URL('../../../../../electron/adapters/database/backgroundPriority.ts', import.meta.url).href;

/** Calls lowerThisThreadPriority() in a fresh worker thread; resolves with [before, after]. */
function lowerInWorker(): Promise<[number, number | null]> {
  const code = `
    const { parentPort } = require('node:worker_threads');
    const os = require('node:os');
    import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); })
      .then((m) => { const before = os.getPriority(0); parentPort.postMessage([before, m.lowerThisThreadPriority()]); });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true });
    worker.once('message', (reply: [number, number | null]) => {
      void worker.terminate();
      resolve(reply);
    });
    worker.once('error', reject);
  });
}

describe('lowerThisThreadPriority', () => {
  it.runIf(process.platform === 'linux')('lowers the calling thread and leaves the rest of the process alone', async () => {
    const mainBefore = os.getPriority(0);
    const [before, after] = await lowerInWorker();
    expect(after).toBe(Math.min(19, before + backgroundNiceSteps));
    expect(os.getPriority(0)).toBe(mainBefore);
  });

  it('does nothing where a nice value belongs to the whole process', () => {
    const before = os.getPriority(0);
    expect(lowerThisThreadPriority('darwin')).toBeNull();
    expect(lowerThisThreadPriority('win32')).toBeNull();
    expect(os.getPriority(0)).toBe(before);
  });
});
