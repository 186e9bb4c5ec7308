// Starts a store worker from source (tests, CLIs under tsx) or from the bundle (.out/main).
import { Worker } from 'node:worker_threads';
import type { StoreWorkerData } from './storeWorkerProtocol';

/** File name of the bundled worker, next to the bundled host in .out/main (see build.mjs). */
export const bundledWorkerName = 'store-worker.js';

export function spawnStoreWorker(data: StoreWorkerData): Worker {
  if (import.meta.url.endsWith('.ts')) {
    // From source: register tsx's loader inside the worker first (a worker does not inherit it).
    const entry = new URL('./storeWorker.ts', import.meta.url).href;
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(bootstrap, { eval: true, workerData: data });
  }
  return new Worker(new URL(`./${bundledWorkerName}`, import.meta.url), { workerData: data });
}
