// Calls through a real Kamailio between the softphone service (sip.js adapter in Node) and
// scripted caller UAs: answer, decline, abandon, hold/resume, call waiting, dial, mute/DTMF.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallEvent } from '../../../../../shared/contract/softphone';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { startTestSoftphone, type TestSoftphone } from '../../../../support/softphone/softphoneFixtures';

const users = [
  { user: '1001', password: 'agent-secret' },
  { user: '3001', password: 'caller-secret' },
  { user: '3002', password: 'caller2-secret' },
  { user: '2002', password: 'colleague-secret' },
];

let kamailio: RunningKamailio;
let agent: TestSoftphone;
let caller: ScriptedUa;
const extraUas: ScriptedUa[] = [];

beforeAll(async () => {
  kamailio = await startKamailio({ users });
});
afterAll(async () => {
  await kamailio?.stop();
});
beforeEach(async () => {
  agent = await startTestSoftphone(kamailio, { user: '1001', password: 'agent-secret' });
  caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain, displayName: 'Caller Three' });
  await caller.start();
});
afterEach(async () => {
  await agent.stop();
  await caller.stop();
  await Promise.all(extraUas.splice(0).map((ua) => ua.stop()));
});

async function ua(user: string, options: { autoAnswer?: boolean } = {}): Promise<ScriptedUa> {
  const password = users.find((u) => u.user === user)!.password;
  const scripted = new ScriptedUa({ server: kamailio.url, user, password, domain: kamailio.domain, ...options });
  await scripted.start();
  extraUas.push(scripted);
  return scripted;
}

/** Caller rings the agent; resolves with the agent's call id once it is ringing. */
async function ringAgent(from: ScriptedUa = caller) {
  const before = agent.events.all.length;
  const call = await from.call('1001');
  const ringing = await agent.events.waitFor(
    (r) => agent.events.all.indexOf(r) >= before && r.event === 'onCallEvent' && r.payload.type === 'ringing',
    'ringing',
  );
  return { call, callId: (ringing.payload as CallEvent).callId };
}

function types(callId: string): string[] {
  return agent.events.callEvents(callId).map((e) => e.type);
}

describe('inbound calls', () => {
  it('keeps a call up when settings are saved without changing the account', async () => {
    const { call, callId } = await ringAgent();
    await agent.service.answerCall(callId);
    await call.established;
    const { passwordSet: _passwordSet, configured: _configured, ...settings } = await agent.service.settingsView();
    await agent.service.saveSettings({ ...settings, declineCode: 486 });
    expect(agent.service.state().calls.map((c) => [c.callId, c.phase])).toEqual([[callId, 'active']]);
    expect(agent.service.state().registration.kind).toBe('registered');
    await call.hangUp();
    expect(await agent.events.callEvent('ended', callId)).toMatchObject({ cause: 'completed', by: 'remote' });
  });

  it('offers a call with the caller number and name, answers it, and ends it when the caller hangs up', async () => {
    const { call, callId } = await ringAgent();
    const offered = agent.events.callEvents(callId).find((e) => e.type === 'offered');
    expect(offered).toMatchObject({ type: 'offered', direction: 'inbound', remote: { number: '3001', name: 'Caller Three' }, waiting: false });
    expect(agent.service.state().calls.map((c) => c.phase)).toEqual(['ringing']);

    const view = await agent.service.answerCall(callId);
    expect(view.phase).toBe('active');
    await call.established;

    await call.hangUp();
    const ended = await agent.events.callEvent('ended', callId);
    expect(ended).toMatchObject({ cause: 'completed', by: 'remote' });
    expect(types(callId)).toEqual(['offered', 'ringing', 'answered', 'ended']);
    // Monotonic stamps never go backwards across the call's events.
    const stamps = agent.events.callEvents(callId).map((e) => e.at.monotonic);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(agent.service.state().calls).toEqual([]);
  });

  it('declines with the configured code (603) and lists the call as declined, not missed', async () => {
    const { call, callId } = await ringAgent();
    await agent.service.declineCall(callId);
    await call.terminated;
    expect(call.rejectedWith).toBe(603);
    expect(await agent.events.callEvent('ended', callId)).toMatchObject({ cause: 'declined', by: 'local', sipCode: 603 });
    const lists = await agent.service.callLists();
    expect(lists.declined.map((e) => e.callId)).toEqual([callId]);
    expect(lists.missed).toEqual([]);
    expect(lists.unseenMissed).toBe(0);
  });

  it('declines with 486 Busy Here when that is the setting', async () => {
    const view = await agent.service.settingsView();
    const { passwordSet: _p, configured: _c, ...fields } = view;
    await agent.service.saveSettings({ ...fields, declineCode: 486 });
    await agent.events.waitFor((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered' && agent.events.all.indexOf(r) > 2, 're-registered');
    const { call, callId } = await ringAgent();
    await agent.service.declineCall(callId);
    await call.terminated;
    expect(call.rejectedWith).toBe(486);
    expect(await agent.events.callEvent('ended', callId)).toMatchObject({ cause: 'busy', by: 'local', sipCode: 486 });
  });

  it('records a call the caller abandons while ringing as missed, with an unseen badge', async () => {
    const { call, callId } = await ringAgent();
    await call.hangUp(); // CANCEL
    expect(await agent.events.callEvent('ended', callId)).toMatchObject({ cause: 'abandoned', by: 'remote' });
    await agent.events.waitFor((r) => r.event === 'onCallListsChanged', 'lists changed');
    const lists = await agent.service.callLists();
    expect(lists.missed).toMatchObject([{ callId, cause: 'abandoned', remote: { number: '3001' }, seen: false }]);
    expect(lists.unseenMissed).toBe(1);
    expect((await agent.service.markMissedCallsSeen()).unseenMissed).toBe(0);
  });

  it('holds and resumes with re-INVITEs right after answering (waits for the ACK first)', async () => {
    const { call, callId } = await ringAgent();
    await agent.service.answerCall(callId);
    // No wait for the caller: the hold must itself wait for the ACK of our 200 OK.
    const held = await agent.service.holdCall(callId);
    expect(held.phase).toBe('held');
    expect(call.media().remoteDirection).toBe('sendonly');
    expect(call.media().localDirection).toBe('recvonly');

    const resumed = await agent.service.resumeCall(callId);
    expect(resumed.phase).toBe('active');
    expect(call.media().remoteDirection).toBe('sendrecv');
    expect(types(callId)).toEqual(['offered', 'ringing', 'answered', 'held', 'resumed']);

    await agent.service.hangUp(callId);
    await call.terminated;
    expect(call.byeReceived).toBe(true);
    expect(await agent.events.callEvent('ended', callId)).toMatchObject({ cause: 'completed', by: 'local' });
  });

  it('rejects an action that does not fit the call state with CONFLICT and changes nothing', async () => {
    const { call, callId } = await ringAgent();
    await expect(agent.service.holdCall(callId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(agent.service.answerCall('no-such-call')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(agent.service.state().calls.map((c) => c.phase)).toEqual(['ringing']);
    await call.hangUp();
    await agent.events.callEvent('ended', callId);
  });

  it('shows a second call as waiting and answering it puts the first on hold', async () => {
    const first = await ringAgent();
    await agent.service.answerCall(first.callId);
    await first.call.established;
    const second = await ringAgent(await ua('3002'));
    expect(agent.events.lastView(second.callId)).toMatchObject({ waiting: true, phase: 'ringing' });

    await agent.service.answerCall(second.callId);
    await second.call.established;
    expect(agent.events.lastView(first.callId)?.phase).toBe('held');
    expect(first.call.media().remoteDirection).toBe('sendonly');
    await second.call.hangUp();
    await first.call.hangUp();
  });

  it('rejects a waiting call as busy (486) when the setting says so and lists it as missed', async () => {
    const view = await agent.service.settingsView();
    const { passwordSet: _p, configured: _c, ...fields } = view;
    await agent.service.saveSettings({ ...fields, rejectCallWaiting: true });
    const first = await ringAgent();
    await agent.service.answerCall(first.callId);
    await first.call.established;

    const other = await ua('3002');
    const second = await ringAgent(other);
    await second.call.terminated;
    expect(second.call.rejectedWith).toBe(486);
    expect(await agent.events.callEvent('ended', second.callId)).toMatchObject({ cause: 'busy', by: 'system', sipCode: 486 });
    await agent.events.waitFor((r) => r.event === 'onCallListsChanged', 'lists changed');
    expect((await agent.service.callLists()).missed.map((e) => e.callId)).toEqual([second.callId]);
    await first.call.hangUp();
  });
});

describe('outgoing calls and in-call controls', () => {
  it('dials a colleague, reports alerting and answer, mutes, sends DTMF, and hangs up', async () => {
    const colleague = await ua('2002');
    const incoming = colleague.nextIncoming();
    const view = await agent.service.dial('2002');
    expect(view).toMatchObject({ direction: 'outbound', phase: 'dialing', remote: { number: '2002' } });
    const theirs = await incoming;
    await agent.events.callEvent('alerting', view.callId);
    await theirs.answer();
    await agent.events.callEvent('answered', view.callId);

    const muted = await agent.service.setMuted(view.callId, true);
    expect(muted.muted).toBe(true);
    expect(agent.media.sessions.get(view.callId)?.muted).toBe(true);
    await agent.service.setMuted(view.callId, false);
    expect(agent.media.sessions.get(view.callId)?.muted).toBe(false);

    await agent.service.sendDtmf(view.callId, '12#');
    expect(agent.media.sessions.get(view.callId)?.dtmf).toEqual(['12#']);

    await agent.service.hangUp(view.callId);
    await theirs.terminated;
    expect(await agent.events.callEvent('ended', view.callId)).toMatchObject({ cause: 'completed', by: 'local' });
    expect(types(view.callId)).toEqual(['dialing', 'alerting', 'answered', 'muted', 'unmuted', 'ended']);
  });

  it('sends DTMF as SIP INFO when that is the setting', async () => {
    const view = await agent.service.settingsView();
    const { passwordSet: _p, configured: _c, ...fields } = view;
    await agent.service.saveSettings({ ...fields, dtmfMode: 'info' });
    await agent.events.waitFor((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered' && agent.events.all.indexOf(r) > 2, 're-registered');
    const colleague = await ua('2002');
    const incoming = colleague.nextIncoming();
    const call = await agent.service.dial('2002');
    const theirs = await incoming;
    const infos: string[] = [];
    const delegate = theirs.session.delegate!;
    theirs.session.delegate = { ...delegate, onInfo: (info) => (infos.push(info.request.body), void info.accept()) };
    await theirs.answer();
    await agent.events.callEvent('answered', call.callId);
    await agent.service.sendDtmf(call.callId, '5*');
    expect(infos).toEqual(['Signal=5\r\nDuration=100', 'Signal=*\r\nDuration=100']);
    expect(agent.media.sessions.get(call.callId)?.dtmf).toEqual([]);
    await agent.service.hangUp(call.callId);
  });

  it('reports a refused outgoing call as busy', async () => {
    const colleague = await ua('2002');
    const incoming = colleague.nextIncoming();
    const view = await agent.service.dial('2002');
    await (await incoming).reject(486);
    expect(await agent.events.callEvent('ended', view.callId)).toMatchObject({ cause: 'busy', by: 'remote', sipCode: 486 });
  });

  it('reports cancelling an outgoing call before answer as cancelled', async () => {
    const colleague = await ua('2002');
    const incoming = colleague.nextIncoming();
    const view = await agent.service.dial('2002');
    const theirs = await incoming;
    await agent.events.callEvent('alerting', view.callId);
    await agent.service.hangUp(view.callId);
    await theirs.terminated;
    expect(await agent.events.callEvent('ended', view.callId)).toMatchObject({ cause: 'cancelled', by: 'local' });
  });
});
