// Issue 12: the real web host logs an error nothing else caught, with its stack, and keeps serving;
// errors in a burst, or before the ready line, end it with a clear exit code. The faults are
// injected by a preload module (node --import), so the host code under test is the built one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openContractSocket } from '../../../support/contractSocket';
import { startWebHost, type RunningWebHost } from '../../../support/webHost';

/** SIGUSR2 raises one uncaught exception and one unhandled rejection; a variable adds one at start. */
const faultPreload = `
process.on('SIGUSR2', () => {
  setImmediate(function injectedTimerFault() {
    throw new Error('injected fault from a timer');
  });
  Promise.reject(new Error('injected rejection nobody handles'));
});
if (process.env.DESKLINE_TEST_FAULT_AT_START) {
  // Fires as soon as the host has installed its guards, long before it is ready.
  const waitForGuards = () => {
    if (process.listenerCount('uncaughtException') > 0) Promise.reject(new Error('injected fault during start-up'));
    else setImmediate(waitForGuards);
  };
  setImmediate(waitForGuards);
}
`;
const preloadDir = mkdtempSync(path.join(os.tmpdir(), 'deskline-faults-'));
const preloadPath = path.join(preloadDir, 'injectFaults.mjs');
writeFileSync(preloadPath, faultPreload);
const nodeOptions = `--import=${pathToFileURL(preloadPath).href}`;

let host: RunningWebHost | undefined;
afterEach(async () => {
  await host?.stop();
  host = undefined;
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern, 'g')) ?? []).length;

describe('the last-resort handlers of the web host (issue 12)', () => {
  it('logs an uncaught exception and an unhandled rejection with their stacks and keeps serving', async () => {
    const running = (host = await startWebHost({ lang: 'en', env: { NODE_OPTIONS: nodeOptions } }));
    const socket = await openContractSocket(running);
    running.process.kill('SIGUSR2');
    await waitFor(() => /Unexpected uncaughtException/.test(running.stderr()) && /Unexpected unhandledRejection/.test(running.stderr()));
    const log = running.stderr();
    expect(log).toMatch(/ERROR \[web-host\] Unexpected uncaughtException: Error: injected fault from a timer; the host keeps running \{.*at Immediate\.injectedTimerFault/);
    expect(log).toMatch(/ERROR \[web-host\] Unexpected unhandledRejection: Error: injected rejection nobody handles; the host keeps running \{.*injectFaults\.mjs/);
    // Still alive, and a socket opened before the fault still works.
    expect(running.process.exitCode).toBeNull();
    expect(await socket.request('getAgentState', {})).toMatchObject({ ok: true });
    socket.close();
  });

  it('exits with 70 when unexpected errors come in a burst', async () => {
    const running = (host = await startWebHost({ lang: 'en', env: { NODE_OPTIONS: nodeOptions } }));
    const exited = new Promise<number | null>((resolve) => running.process.once('exit', (code) => resolve(code)));
    // Two errors per signal; signals are sent one at a time (pending signals of one kind merge).
    for (let round = 1; round <= 6 && running.process.exitCode === null; round++) {
      running.process.kill('SIGUSR2');
      await waitFor(() => count(running.stderr(), /Unexpected (uncaughtException|unhandledRejection)/) >= 2 * round || running.process.exitCode !== null);
    }
    expect(await exited).toBe(70);
    expect(running.stderr()).toMatch(/exiting with code 70: 11 unexpected errors within 60 s/);
  });

  it('exits with 1 for an unexpected error before the ready line, and says so', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'deskline-test-'));
    const start = startWebHost({ lang: 'en', dataDir, env: { NODE_OPTIONS: nodeOptions, DESKLINE_TEST_FAULT_AT_START: '1' } });
    const error = await start.then(
      () => null,
      (failure: unknown) => failure as Error,
    );
    expect(error?.message).toMatch(/web host exited with 1/);
    expect(error?.message).toMatch(/Unexpected unhandledRejection: Error: injected fault during start-up; exiting with code 1: the host had not finished starting/);
    expect(error?.message).not.toMatch(/Deskline ready at/);
  });
});
