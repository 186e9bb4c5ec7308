// A snapshot or backup rebuild runs at a lower CPU priority than the threads that
// acknowledge commits: a worker thread of the host lowers itself alone (Linux keeps a nice value per
// thread), the rebuild process lowers all of its threads.
import { execFile } from 'node:child_process';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { backgroundNiceSteps, lowerThisThreadPriority } from '../../../../../../electron/adapters/store/engine/backgroundPriority';

const moduleUrl = new URL('../../../../../../electron/adapters/store/engine/backgroundPriority.ts', import.meta.url).href;

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

/** Runs lowerThisProcessPriority() in a fresh Node process; resolves with [before, after, every thread's nice value]. */
function lowerInChildProcess(): Promise<[number, number | null, number[]]> {
  const code = `
    import os from 'node:os';
    import { readdirSync, readFileSync } from 'node:fs';
    const m = await import(${JSON.stringify(moduleUrl)});
    const before = os.getPriority(0);
    const after = m.lowerThisProcessPriority();
    const threads = readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    });
    process.stdout.write(JSON.stringify([before, after, threads]));`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))));
  });
}

describe('lowerThisProcessPriority', () => {
  it.runIf(process.platform === 'linux')('lowers every thread of the rebuild process, and nothing outside it', async () => {
    const mainBefore = os.getPriority(0);
    const [before, after, threads] = await lowerInChildProcess();
    const expected = Math.min(19, before + backgroundNiceSteps);
    expect(after).toBe(expected);
    expect(threads.length).toBeGreaterThan(1); // Node's own threads (V8 platform, libuv) too
    expect(threads.every((n) => n === expected)).toBe(true);
    expect(os.getPriority(0)).toBe(mainBefore);
  });
});
