// S-6 over the real web host and a real Kamailio: a host running in a masked role (QA) on a desk
// whose phone is registered gets every live call event, the state and the missed list with the
// caller's number and number-like display name masked; nothing it receives holds the full number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallLists, CallView, SoftphoneState } from '../../../../shared/contract/softphone';
import { openContractSocket, type ContractSocket } from '../../../support/contractSocket';
import { startKamailio, type RunningKamailio } from '../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../support/sipUa/scriptedUa';
import { startWebHost, tempDataDir, type RunningWebHost } from '../../../support/webHost';
import { agentAccountSettings } from '../../../support/softphone/softphoneFixtures';

const callerNumber = '13800135678';

let kamailio: RunningKamailio;
let host: RunningWebHost | null = null;
let caller: ScriptedUa | null = null;
const sockets: ContractSocket[] = [];

async function open(h: RunningWebHost): Promise<ContractSocket> {
  const socket = await openContractSocket(h);
  sockets.push(socket);
  return socket;
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: callerNumber, password: 'caller-secret' }] });
  // The desk's account is saved by its agent; the same desk is then opened in the QA role.
  const dataDir = tempDataDir('deskline-s6-roles-');
  const asAgent = await startWebHost({ dataDir });
  const agentSocket = await open(asAgent);
  const saved = await agentSocket.request('saveSoftphoneSettings', agentAccountSettings(kamailio));
  expect(saved.ok).toBe(true);
  agentSocket.close();
  await asAgent.stop();
  host = await startWebHost({ dataDir, extraArgs: ['--role', 'qa'] });
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await caller?.stop();
  await host?.stop();
  await kamailio?.stop();
});

describe('S-6: a masked role reads the desk’s calls masked', () => {
  it('masks live call events, getSoftphoneState and the missed list for QA', async () => {
    const qa = await open(host!);
    await until('the desk registered', async () => {
      const reply = await qa.request('getSoftphoneState', {});
      return reply.ok && (reply.value as SoftphoneState).registration.kind === 'registered' ? true : undefined;
    });
    caller = new ScriptedUa({ server: kamailio.url, user: callerNumber, password: 'caller-secret', domain: kamailio.domain, displayName: callerNumber });
    await caller.start();
    const call = await caller.call('1001');

    const ringing = await until('the ringing call view', () =>
      qa.events.map((e) => (e.event === 'onCallUpdated' ? (e.payload as CallView) : null)).find((v) => v?.phase === 'ringing') ?? undefined,
    );
    expect(ringing.remote).toEqual({ number: '138****5678', name: '138****5678', verified: false });
    const state = await qa.request('getSoftphoneState', {});
    expect(state.ok).toBe(true);
    expect((state.value as SoftphoneState).calls.map((c) => c.remote)).toEqual([{ number: '138****5678', name: '138****5678', verified: false }]);

    await call.hangUp();
    const lists = await until('the missed list', () =>
      qa.events.map((e) => (e.event === 'onCallListsChanged' ? (e.payload as CallLists) : null)).find((l) => (l?.missed.length ?? 0) > 0) ?? undefined,
    );
    expect(lists.missed[0]?.remote).toEqual({ number: '138****5678', name: '138****5678', verified: false });
    // Nothing the QA socket received holds the number: no event, no reply.
    expect(JSON.stringify(qa.events)).not.toContain(callerNumber);
    expect(JSON.stringify(state)).not.toContain(callerNumber);
  }, 30_000);
});
