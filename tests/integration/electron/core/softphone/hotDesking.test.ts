// Issue 13 hot-desking through the real web host and the real Kamailio: an admin sets each agent's
// phone account once; agent A signs in → the desk is registered as A (a call to A rings here, one
// to B does not); A signs out → unregistered (a call to A finds nobody); B signs in → registered as B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallView, SoftphoneState } from '../../../../../shared/contract/softphone';
import { openContractSocket, type ContractSocket } from '../../../../support/contractSocket';
import { testPeople, type TestPerson } from '../../../../support/identity/testPeople';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { startWebHost, type RunningWebHost } from '../../../../support/webHost';

const agentA = testPeople.agent;
const agentB: TestPerson = { user: 'agentb', password: 'test-agent-b-password', displayName: 'Agent Zhao', roles: ['agent'], agentNumber: '1002' };
let kamailio: RunningKamailio;
let host: RunningWebHost;
let caller: ScriptedUa;
let admin: ContractSocket;
const sockets: ContractSocket[] = [];

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const registration = async () => ((await admin.request('getSoftphoneState', {})).value as SoftphoneState).registration.kind;
const waitFor = (kind: string) => until(`the desk ${kind}`, async () => ((await registration()) === kind ? true : undefined));

/** Calls `user` at Kamailio: 'rings here' if the desk shows it ringing, else the SIP refusal code. */
async function callReaches(user: string): Promise<string> {
  const seen = admin.events.length;
  const call = await caller.call(user);
  const outcome = await until(`the call to ${user} to ring or be refused`, () => {
    const ringing = admin.events.slice(seen).some((e) => e.event === 'onCallUpdated' && (e.payload as CallView).phase === 'ringing');
    if (ringing) return 'rings here';
    return call.rejectedWith !== null && call.rejectedWith !== undefined ? String(call.rejectedWith) : undefined;
  });
  if (outcome === 'rings here') {
    await call.hangUp();
    await until('the desk idle again', async () => (((await admin.request('getSoftphoneState', {})).value as SoftphoneState).calls.length === 0 ? true : undefined));
  }
  return outcome;
}

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'sip-a' }, { user: '1002', password: 'sip-b' }, { user: '3001', password: 'caller' }] });
  // The harness signs in an admin (not an agent), so at first nobody's phone is at this desk.
  host = await startWebHost({ as: 'admin' });
  admin = await openContractSocket(host, { as: 'admin' });
  sockets.push(admin);
  expect((await admin.request('createPerson', { userId: agentB.user, displayName: agentB.displayName, agentNumber: '1002', roles: ['agent'], password: agentB.password })).ok).toBe(true);
  for (const [person, user, password] of [[agentA, '1001', 'sip-a'], [agentB, '1002', 'sip-b']] as const) {
    const reply = await admin.request('setPhoneAccount', { userId: person.user, account: { server: kamailio.url, sipUri: `sip:${user}@${kamailio.domain}`, authUser: user, password } });
    expect(reply.ok, JSON.stringify(reply)).toBe(true);
  }
  caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller', domain: kamailio.domain });
  await caller.start();
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await caller?.stop();
  await host?.stop();
  await kamailio?.stop();
});

describe('hot-desking through Kamailio', () => {
  it('registers as the agent signed in at the desk, and as nobody when they sign out', async () => {
    expect(await registration()).not.toBe('registered');
    expect(await callReaches('1001')).not.toBe('rings here');

    const a = await openContractSocket(host, { as: agentA });
    sockets.push(a);
    await waitFor('registered');
    expect(await callReaches('1001')).toBe('rings here');
    expect(await callReaches('1002')).not.toBe('rings here');

    expect((await a.request('signOut', {})).ok).toBe(true);
    await waitFor('unregistered');
    expect(await callReaches('1001')).not.toBe('rings here');

    const b = await openContractSocket(host, { as: agentB });
    sockets.push(b);
    await waitFor('registered');
    expect(await callReaches('1002')).toBe('rings here');
    expect(await callReaches('1001')).not.toBe('rings here');
  });
});
