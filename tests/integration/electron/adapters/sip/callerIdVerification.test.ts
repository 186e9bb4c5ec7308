// S-6 caller-ID trust through a real Kamailio and the real store: a caller ID is verified only
// when the desk is told its server asserts identities (RFC 3325) and the INVITE carries
// P-Asserted-Identity; otherwise it is "unverified", and a single matching customer is not linked
// to the call (their history) until the agent confirms who is calling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../electron/adapters/store/engine/store';
import type { Core } from '../../../../../electron/core/createCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import type { CustomerView, ScreenPop } from '../../../../../shared/contract/customers';
import type { CallEvent, CallView } from '../../../../../shared/contract/softphone';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa, type ScriptedCall } from '../../../../support/sipUa/scriptedUa';
import { startCoreOnStore, type CoreOnStore } from '../../../../support/core/coreOnStore';
import type { EventRecorder } from '../../../../support/softphone/softphoneFixtures';

const customerNumber = '13800135678';
const stranger = '13900001111';

let kamailio: RunningKamailio;
let onStore: CoreOnStore;
let core: Core;
let store: Store;
let events: EventRecorder;
let agent: CallerContext;
let wang: CustomerView;
const callers = new Map<string, ScriptedUa>();

async function ok<T>(reply: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const envelope = await reply;
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

async function serverAssertsIdentity(on: boolean): Promise<void> {
  const registrations = events.all.filter((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered').length;
  await ok(
    core.dispatch(
      'saveSoftphoneSettings',
      { serverUrl: kamailio.url, sipUri: `sip:1001@${kamailio.domain}`, authUser: '1001', displayName: 'Agent', iceServers: [], declineCode: 603, dtmfMode: 'rfc4733', rejectCallWaiting: false, serverAssertsIdentity: on },
      agent,
    ),
  );
  // A changed account re-registers; wait for it so the next INVITE meets the new setting.
  await events.waitFor(
    () => events.all.filter((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered').length > registrations,
    're-registered',
  );
}

/** Calls the desk from `from` (a registered user), with `headers` on the INVITE; resolves once the screen pop is out. */
async function callDesk(from: string, headers: string[] = []): Promise<{ call: ScriptedCall; callId: string; view: CallView; pop: ScreenPop }> {
  const known = new Set(events.all.flatMap((r) => (r.event === 'onCallEvent' && r.payload.type === 'ringing' ? [r.payload.callId] : [])));
  const call = await callers.get(from)!.call('1001', { extraHeaders: headers });
  const ringing = await events.waitFor((r) => r.event === 'onCallEvent' && r.payload.type === 'ringing' && !known.has(r.payload.callId), 'ringing');
  const callId = (ringing.payload as CallEvent).callId;
  const pop = await events.waitFor((r) => r.event === 'onScreenPop' && r.payload.callId === callId, 'screen pop');
  return { call, callId, view: events.lastView(callId)!, pop: pop.payload as ScreenPop };
}

async function hangUp(call: ScriptedCall, callId: string): Promise<void> {
  await call.hangUp();
  await events.callEvent('ended', callId);
  await core.callLog.settled();
}

const historyOfWang = async () =>
  (await ok<{ calls: Array<{ callId: string }> }>(core.dispatch('customerHistory', { customerId: wang.customerId }, agent))).calls.map((c) => c.callId);

const linkedCustomer = async (callId: string) => (await store.query('SELECT customer_id FROM calls WHERE id = ?', [callId]))[0]?.customer_id ?? null;

beforeAll(async () => {
  kamailio = await startKamailio({
    users: [{ user: '1001', password: 'agent-secret' }, ...[customerNumber, stranger].map((user) => ({ user, password: `${user}-secret` }))],
  });
  onStore = await startCoreOnStore(
    kamailio,
    { dataDirPrefix: 'deskline-caller-id-' },
  );
  ({ core, store, events, agent } = onStore);
  wang = await ok<CustomerView>(core.dispatch('saveCustomer', { name: '王芳', numbers: [{ number: '+86 138 0013 5678' }], consent: true }, agent));
  for (const user of [customerNumber, stranger]) {
    const ua = new ScriptedUa({ server: kamailio.url, user, password: `${user}-secret`, domain: kamailio.domain });
    await ua.start();
    callers.set(user, ua);
  }
}, 60_000);
afterAll(async () => {
  for (const ua of callers.values()) await ua.stop();
  await onStore?.close();
  await kamailio?.stop();
});

describe('caller ID without an asserting server (the default)', () => {
  it('is unverified: the single match is offered, not linked, until the agent confirms', async () => {
    const { call, callId, view, pop } = await callDesk(customerNumber);
    expect(view.remote).toMatchObject({ number: customerNumber, verified: false });
    expect(pop).toMatchObject({ callerIdVerified: false, linkedCustomerId: null, matches: [{ customerId: wang.customerId, name: '王芳' }] });
    expect(await linkedCustomer(callId)).toBeNull();

    // The agent asked and confirms: now the call is hers.
    await ok(core.dispatch('linkCallCustomer', { callId, customerId: wang.customerId }, agent));
    const relinked = await events.waitFor((r) => r.event === 'onScreenPop' && r.payload.callId === callId && r.payload.linkedCustomerId !== null, 'confirmed');
    expect(relinked.payload).toMatchObject({ linkedCustomerId: wang.customerId, callerIdVerified: false });
    await hangUp(call, callId);
    expect(await linkedCustomer(callId)).toBe(wang.customerId);
    expect(await historyOfWang()).toContain(callId);
  });

  it('ignores P-Asserted-Identity: a server not known to strip it passes on whatever the caller wrote', async () => {
    const { call, callId, view, pop } = await callDesk(stranger, [`P-Asserted-Identity: <sip:${customerNumber}@${kamailio.domain}>`]);
    expect(view.remote).toMatchObject({ number: stranger, verified: false });
    expect(pop).toMatchObject({ callerIdVerified: false, matches: [] });
    await hangUp(call, callId);
  });
});

describe('caller ID with a server that asserts identity (serverAssertsIdentity on)', () => {
  beforeAll(() => serverAssertsIdentity(true), 30_000);

  it('trusts P-Asserted-Identity: the asserted number is shown as verified and its one customer linked at once', async () => {
    const { call, callId, view, pop } = await callDesk(stranger, ['P-Asserted-Identity: "Wang Fang" <tel:+8613800135678>', `P-Asserted-Identity: <sip:${customerNumber}@${kamailio.domain}>`]);
    expect(view.remote).toEqual({ number: '+8613800135678', name: 'Wang Fang', verified: true });
    expect(pop).toMatchObject({ callerIdVerified: true, linkedCustomerId: wang.customerId });
    await hangUp(call, callId);
    expect(await linkedCustomer(callId)).toBe(wang.customerId);
    expect(await historyOfWang()).toContain(callId);
  });

  it('an INVITE without P-Asserted-Identity is still unverified, not linked, and not in her history unconfirmed', async () => {
    const { call, callId, view, pop } = await callDesk(customerNumber);
    expect(view.remote).toMatchObject({ number: customerNumber, verified: false });
    expect(pop).toMatchObject({ callerIdVerified: false, linkedCustomerId: null });
    await hangUp(call, callId);
    expect(await linkedCustomer(callId)).toBeNull();
    expect(await store.query('SELECT caller_id_verified FROM calls WHERE id = ?', [callId])).toEqual([{ caller_id_verified: 0 }]);
    // Whoever it was, the call does not join her history (nor her "last calls") unconfirmed.
    expect(await historyOfWang()).not.toContain(callId);
    const summary = await ok<CustomerView>(core.dispatch('getCustomer', { customerId: wang.customerId }, agent));
    expect(summary.lastCalls.map((c) => c.callId)).not.toContain(callId);
  });
});
