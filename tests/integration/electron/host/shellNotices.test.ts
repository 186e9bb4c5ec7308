// Issue 21: the web host has no desktop shell that could restart a window: over the real
// WebSocket binding it answers "no notices", and checks a dismiss like any other request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContractSocket, type ContractSocket } from '../../../support/contractSocket';
import { startWebHost, type RunningWebHost } from '../../../support/webHost';

let host: RunningWebHost;
let socket: ContractSocket;
beforeAll(async () => {
  host = await startWebHost();
  socket = await openContractSocket(host);
});
afterAll(async () => {
  socket?.close();
  await host?.stop();
});

describe('shell notices in the web host', () => {
  it('answers that the window was never restarted', async () => {
    expect(await socket.request('getShellNotices', {})).toEqual({ ok: true, value: { windowRestarted: null } });
    expect(await socket.request('dismissShellNotice', { notice: 'windowRestarted' })).toEqual({ ok: true, value: { windowRestarted: null } });
  });

  it('refuses a malformed dismiss with a clear error', async () => {
    const reply = await socket.request('dismissShellNotice', { notice: 'windowRestarted', extra: 1 });
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
