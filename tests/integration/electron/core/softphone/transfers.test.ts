// Blind (REFER) and attended (consult call, then REFER with Replaces) transfers through a real
// Kamailio: the caller ends up talking to the third UA and the agent's legs end as transferred.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SessionState } from 'sip.js';
import type { CallEvent } from '../../../../../shared/contract/softphone';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { startTestSoftphone, type TestSoftphone } from '../../../../support/softphone/softphoneFixtures';

let kamailio: RunningKamailio;
let agent: TestSoftphone;
let caller: ScriptedUa;
let colleague: ScriptedUa;

beforeAll(async () => {
  kamailio = await startKamailio({
    users: [
      { user: '1001', password: 'agent-secret' },
      { user: '3001', password: 'caller-secret' },
      { user: '2002', password: 'colleague-secret' },
    ],
  });
});
afterAll(async () => {
  await kamailio?.stop();
});
beforeEach(async () => {
  agent = await startTestSoftphone(kamailio, { user: '1001', password: 'agent-secret' });
  caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain });
  colleague = new ScriptedUa({ server: kamailio.url, user: '2002', password: 'colleague-secret', domain: kamailio.domain, autoAnswer: true });
  await Promise.all([caller.start(), colleague.start()]);
});
afterEach(async () => {
  await agent.stop();
  await Promise.all([caller.stop(), colleague.stop()]);
});

/** The caller calls the agent, who answers. */
async function answeredCall() {
  const call = await caller.call('1001');
  const ringing = (await agent.events.callEvent('ringing')) as CallEvent;
  await agent.service.answerCall(ringing.callId);
  await call.established;
  return { call, callId: ringing.callId };
}

describe('transfers', () => {
  it('blind-transfers the caller to a colleague with REFER; the agent leg ends as transferred', async () => {
    const { call, callId } = await answeredCall();
    const arrived = colleague.nextIncoming();

    const view = await agent.service.blindTransfer(callId, '2002');
    expect(view.transfer).toEqual({ kind: 'blind', target: '2002', status: 'trying' });

    const referred = await call.referredCallReady;
    await referred.established;
    const atColleague = await arrived;
    await atColleague.established;

    expect(await agent.events.callEvent('transferCompleted', callId)).toMatchObject({ kind: 'blind', target: '2002' });
    expect(await agent.events.callEvent('ended', callId)).toMatchObject({ cause: 'transferred' });
    expect(agent.events.callEvents(callId).map((e) => e.type)).toEqual([
      'offered', 'ringing', 'answered', 'transferStarted', 'transferCompleted', 'ended',
    ]);
    // The caller's original call with the agent is over; the new one with the colleague is up.
    await call.terminated;
    expect(referred.state).toBe(SessionState.Established);
    await referred.hangUp();
    await atColleague.terminated;
  });

  it('reports a blind transfer to an unknown number as failed and keeps the call', async () => {
    const { call, callId } = await answeredCall();
    await agent.service.blindTransfer(callId, '9999');
    const failed = await agent.events.callEvent('transferFailed', callId);
    expect(failed).toMatchObject({ kind: 'blind', target: '9999' });
    expect(failed.type === 'transferFailed' && failed.reason).toMatch(/404/);
    expect(agent.events.lastView(callId)).toMatchObject({ phase: 'active', transfer: { status: 'failed' } });
    await call.hangUp();
    await agent.events.callEvent('ended', callId);
  });

  it('attended transfer: consult the colleague, then join the caller to them with Replaces', async () => {
    const { call, callId } = await answeredCall();
    const consultArrived = colleague.nextIncoming();

    const consult = await agent.service.startConsultCall(callId, '2002');
    expect(consult).toMatchObject({ direction: 'outbound', consultFor: callId });
    expect(agent.events.lastView(callId)?.phase).toBe('held');
    expect(call.media().remoteDirection).toBe('sendonly'); // the caller is on hold while we consult
    await agent.events.callEvent('answered', consult.callId);
    const consultAtColleague = await consultArrived;

    const replacingArrives = colleague.nextIncoming();
    await agent.service.completeAttendedTransfer(callId, consult.callId);

    // The caller sends INVITE with Replaces to the colleague, who swaps the consult dialog for it.
    const referred = await call.referredCallReady;
    await referred.established;
    const replacing = await replacingArrives;
    expect(replacing.session.replacee?.id).toBe(consultAtColleague.id);
    await consultAtColleague.terminated;

    expect(await agent.events.callEvent('transferCompleted', callId)).toMatchObject({ kind: 'attended', target: '2002' });
    expect(await agent.events.callEvent('ended', callId)).toMatchObject({ cause: 'transferred' });
    expect(await agent.events.callEvent('ended', consult.callId)).toMatchObject({ cause: 'transferred' });
    expect(agent.service.state().calls).toEqual([]);
    expect(replacing.state).toBe(SessionState.Established);
    await referred.hangUp();
  });
});
