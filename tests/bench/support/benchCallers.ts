// The two callers the softphone bench calls the workstation with, behind one interface:
//   - gateway: a SIP UA in Node (sip.js through Kamailio) offering WebRTC-profile SDP, as a PSTN
//     call arrives through a WebRTC gateway/SBC. The workstation's RTCPeerConnection answers it for
//     real; the caller's own work on the 200 OK is what a gateway does: parse it and send the ACK.
//   - browser: a caller page in the same headless Chromium (sip.js + WebRTC, fake microphone). Its
//     "established" includes that browser's own setRemoteDescription of our answer, run on the
//     same 2 cores as the workstation.
// Both stamp on the same epoch-ms scale as the agent page: performance.timeOrigin + performance.now().
import type { Page } from 'playwright-core';
import { Worker } from 'node:worker_threads';
import type { CallerHandle } from '../../support/callerPage/serveCallerPage';

export interface WireEntry {
  t: number;
  dir: 'in' | 'out';
  text: string;
}

export type CallerKind = 'gateway' | 'browser';

export interface BenchCaller {
  readonly kind: CallerKind;
  /** Places the call; resolves once the INVITE has been handed to the transport. */
  call(targetUri: string): Promise<void>;
  waitForState(state: 'Established' | 'Terminated', timeoutMs: number): Promise<void>;
  /** Epoch ms of the INVITE sent and of the call established, for the current call. */
  stamps(): Promise<{ inviteSentAt: number | null; establishedAt: number | null }>;
  /** SIP frames (and, for the browser, its setRemoteDescription marks) since the last take. */
  takeWire(): Promise<WireEntry[]>;
  /** Forget the current call (ending it if still up). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

type GatewayOp = 'call' | 'waitForState' | 'stamps' | 'takeWire' | 'reset' | 'stop';

/**
 * A SIP UA registered through Kamailio, speaking the WebRTC SDP profile, on its own worker thread
 * (support/gatewayCallerWorker.ts): a gateway has its own machine, and in this process the SIP
 * messages would wait behind playwright's work, which would be counted against the workstation.
 */
export async function startGatewayCaller(options: { server: string; domain: string; user: string; password: string; displayName: string }): Promise<BenchCaller> {
  // A worker does not inherit this process's tsx loader: register it in the worker, then load.
  const entry = new URL('./gatewayCallerWorker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(bootstrap, { eval: true, workerData: options });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let started!: { resolve: () => void; reject: (error: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (started = { resolve, reject }));
  worker.on('message', (message: { id: number; result?: unknown; error?: string } | { ready: true } | { failed: string }) => {
    if ('ready' in message) started.resolve();
    else if ('failed' in message) started.reject(new Error(`gateway caller: ${message.failed}`));
    else {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    }
  });
  worker.on('error', (error) => {
    started.reject(error);
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  await ready;
  const ask = <T>(op: GatewayOp, ...args: unknown[]) =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, op, args });
    });
  return {
    kind: 'gateway',
    call: (targetUri) => ask('call', targetUri),
    waitForState: (state, timeoutMs) => ask('waitForState', state, timeoutMs),
    stamps: () => ask('stamps'),
    takeWire: () => ask('takeWire'),
    reset: () => ask('reset'),
    async stop() {
      await ask('stop').catch(() => undefined);
      await worker.terminate();
    },
  };
}

type TapWindow = Window & { __benchWire?: WireEntry[] };

/** The caller page (see tests/support/callerPage), whose WebSocket and setRemoteDescription the bench taps. */
export async function browserCaller(page: Page, handle: CallerHandle): Promise<BenchCaller> {
  const origin = await page.evaluate(() => performance.timeOrigin);
  return {
    kind: 'browser',
    call: (targetUri) => handle.call(targetUri),
    waitForState: (state, timeoutMs) => handle.waitForState(state, timeoutMs),
    async stamps() {
      const timings = await handle.timings();
      return {
        inviteSentAt: timings.inviteSentAt ? origin + timings.inviteSentAt.monotonic : null,
        establishedAt: timings.establishedAt ? origin + timings.establishedAt.monotonic : null,
      };
    },
    takeWire: () => page.evaluate(() => (window as TapWindow).__benchWire?.splice(0) ?? []),
    reset: () => handle.reset(),
    stop: () => handle.stop(),
  };
}
