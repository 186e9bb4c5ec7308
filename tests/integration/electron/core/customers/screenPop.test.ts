// The screen pop on real inbound calls through Kamailio and the real store: while the call is still
// ringing the core says who is calling (name, tags, consent, open handoffs and complaints, last
// calls) and links the call to them; a number shared by two customers asks the agent to pick.
// S-6: the number of the caller on the agent's own call is shown in full only while it is live.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store } from '../../../../../electron/adapters/store/engine/store';
import { type Core } from '../../../../../electron/core/createCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import type { CustomerView, ScreenPop } from '../../../../../shared/contract/customers';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import type { EventRecorder } from '../../../../support/softphone/softphoneFixtures';
import { startCoreOnStore, type CoreOnStore } from '../../../../support/core/coreOnStore';

const agent: CallerContext = { role: 'agent', userId: 'local' };
const mobile = '13800135678';
const switchboard = '02165520000';

let kamailio: RunningKamailio;
let store: Store;
let core: Core;
let events: EventRecorder;
let onStore: CoreOnStore;
const callers: ScriptedUa[] = [];

async function ok<T>(reply: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const envelope = await reply;
  if (!envelope.ok) throw new Error(`expected ok, got ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

async function startCaller(user: string): Promise<ScriptedUa> {
  const ua = new ScriptedUa({ server: kamailio.url, user, password: `${user}-secret`, domain: kamailio.domain });
  await ua.start();
  callers.push(ua);
  return ua;
}

const popFor = (callId: string) =>
  events.waitFor((r) => r.event === 'onScreenPop' && r.payload.callId === callId, `screen pop of ${callId}`).then((r) => r.payload as ScreenPop);

beforeAll(async () => {
  kamailio = await startKamailio({
    users: [{ user: '1001', password: 'agent-secret' }, ...[mobile, switchboard].map((user) => ({ user, password: `${user}-secret` }))],
  });
  onStore = await startCoreOnStore(
    kamailio,
    { dataDirPrefix: 'deskline-screen-pop-' },
  );
  ({ core, store, events } = onStore);
});
afterAll(async () => {
  for (const ua of callers) await ua.stop();
  await onStore?.close();
  await kamailio?.stop();
});

describe('screen pop on a ringing call', () => {
  it('shows the one matching customer while the call rings, links the call, and audits the view', async () => {
    // Saved in international form; the caller ID arrives in national form (13800135678): same number.
    const wang = await ok<CustomerView>(
      core.dispatch('saveCustomer', { name: '王芳', numbers: [{ number: '+86 138 0013 5678' }], tags: ['VIP'], consent: true }, agent),
    );
    await store.commit([
      {
        sql: `INSERT INTO handoffs (id, customer_id, owner_id, handler, requester_json, matter, status, created_at, updated_at)
              VALUES ('ho1', ?, 'local', 'billing', '{}', 'refund', 'waitingForHandler', 0, 0)`,
        params: [wang.customerId],
      },
    ]);
    // S-6: linked at once only when the caller ID is verified: the server asserts identity
    // (setting) and the INVITE carries P-Asserted-Identity (see tests/integration/electron/adapters/sip).
    const reregistered = events.all.filter((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered').length;
    await ok(
      core.dispatch(
        'saveSoftphoneSettings',
        { serverUrl: kamailio.url, sipUri: `sip:1001@${kamailio.domain}`, authUser: '1001', displayName: 'Agent', iceServers: [], declineCode: 603, dtmfMode: 'rfc4733', rejectCallWaiting: false, serverAssertsIdentity: true },
        agent,
      ),
    );
    await events.waitFor(() => events.all.filter((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered').length > reregistered, 're-registered');
    const caller = await startCaller(mobile);
    const call = await caller.call('1001', { extraHeaders: [`P-Asserted-Identity: <sip:${mobile}@${kamailio.domain}>`] });
    const ringing = await events.callEvent('ringing');
    const pop = await popFor(ringing.callId);
    // Before anyone answers: the call is still ringing when the pop arrives.
    expect(core.softphone!.service.state().calls.find((c) => c.callId === ringing.callId)?.phase).toBe('ringing');
    expect(pop).toMatchObject({
      callId: ringing.callId,
      number: mobile, // S-6: the caller on the agent's own live call is shown in full
      linkedCustomerId: wang.customerId,
      callerIdVerified: true,
      matches: [{ name: '王芳', tags: ['VIP'], consent: true, openHandoffs: 1, openComplaints: 0, lastCalls: [] }],
    });
    expect(await ok<ScreenPop[]>(core.dispatch('getScreenPops', {}, agent))).toEqual([pop]);
    // While the call is live the agent sees her number in full; after it ends, masked again.
    const during = await ok<CustomerView>(core.dispatch('getCustomer', { customerId: wang.customerId }, agent));
    expect(during.numbers[0]).toMatchObject({ number: '+8613800135678', masked: false });

    await call.hangUp();
    await events.callEvent('ended', ringing.callId);
    await core.callLog.settled();
    const after = await ok<CustomerView>(core.dispatch('getCustomer', { customerId: wang.customerId }, agent));
    expect(after.numbers[0]).toMatchObject({ number: '+86 138****5678', masked: true });
    expect(after.lastCalls).toMatchObject([{ callId: ringing.callId, number: '138****5678', outcome: 'abandoned' }]);
    const [row] = await store.query('SELECT customer_id FROM calls WHERE id = ?', [ringing.callId]);
    expect(row?.customer_id).toBe(wang.customerId);
    const audit = await store.query("SELECT actor_role, subject, detail_json FROM audit_log WHERE action = 'customer.screenPop'");
    expect(audit).toContainEqual({ actor_role: 'agent', subject: wang.customerId, detail_json: JSON.stringify({ callId: ringing.callId }) });
    expect(await ok<ScreenPop[]>(core.dispatch('getScreenPops', {}, agent))).toEqual([]);
  });

  it('a number shared by two customers lists both; the agent picks one and the call is linked to them', async () => {
    const chen = await ok<CustomerView>(core.dispatch('saveCustomer', { name: '陈静', numbers: [{ number: '021-6552-0000' }], consent: true }, agent));
    const zhou = await ok<CustomerView>(core.dispatch('saveCustomer', { name: '周强', numbers: [{ number: '(021) 6552 0000' }], consent: false }, agent));
    const caller = await startCaller(switchboard);
    const call = await caller.call('1001');
    const ringing = await events.waitFor(
      (r) => r.event === 'onCallEvent' && r.payload.type === 'ringing' && events.lastView(r.payload.callId)?.remote.number === switchboard,
      'switchboard ringing',
    );
    const callId = (ringing.payload as { callId: string }).callId;
    const pop = await popFor(callId);
    expect(pop.linkedCustomerId).toBeNull();
    expect(pop.matches.map((m) => [m.name, m.consent])).toEqual([
      ['周强', false],
      ['陈静', true],
    ]);

    const picked = await ok<CustomerView>(core.dispatch('linkCallCustomer', { callId, customerId: chen.customerId }, agent));
    expect(picked).toMatchObject({ name: '陈静', numbers: [{ number: switchboard, masked: false }] });
    const relinked = await events.waitFor((r) => r.event === 'onScreenPop' && r.payload.callId === callId && r.payload.linkedCustomerId !== null, 'pick');
    expect((relinked.payload as ScreenPop).linkedCustomerId).toBe(chen.customerId);

    await call.hangUp();
    await events.callEvent('ended', callId);
    await core.callLog.settled();
    const [row] = await store.query('SELECT customer_id FROM calls WHERE id = ?', [callId]);
    expect(row?.customer_id).toBe(chen.customerId);
    // The call is hers now: it is not in the other customer's history.
    const hisHistory = await ok<{ calls: Array<{ callId: string }> }>(core.dispatch('customerHistory', { customerId: zhou.customerId }, agent));
    expect(hisHistory.calls.map((c) => c.callId)).not.toContain(callId);
    // A call that has ended can no longer be linked.
    expect(await core.dispatch('linkCallCustomer', { callId, customerId: zhou.customerId }, agent)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
