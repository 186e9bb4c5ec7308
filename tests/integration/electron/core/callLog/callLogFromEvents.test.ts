// Issue 6: every call gets its record from its own call events. Real calls through Kamailio into
// the core with the real store: an answered call (with notes typed during it), an abandoned one,
// and one blind-transferred to a colleague, each checked in `calls` and `call_events`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store } from '../../../../../electron/adapters/store/engine/store';
import { type Core } from '../../../../../electron/core/createCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import type { CallEvent } from '../../../../../shared/contract/softphone';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import type { EventRecorder } from '../../../../support/softphone/softphoneFixtures';
import { startCoreOnStore, type CoreOnStore } from '../../../../support/core/coreOnStore';

const agent: CallerContext = { role: 'agent', userId: 'agent-7' };
let kamailio: RunningKamailio;
let store: Store;
let core: Core;
let events: EventRecorder;
let onStore: CoreOnStore;
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
  onStore = await startCoreOnStore(
    kamailio,
    { userId: 'agent-7', dataDirPrefix: 'deskline-calllog-' },
  );
  ({ core, store, events } = onStore);
  caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain });
  colleague = new ScriptedUa({ server: kamailio.url, user: '2002', password: 'colleague-secret', domain: kamailio.domain, autoAnswer: true });
  await Promise.all([caller.start(), colleague.start()]);
});
afterAll(async () => {
  await Promise.all([caller?.stop(), colleague?.stop()]);
  await onStore?.close();
  await kamailio?.stop();
});

async function ok<T = unknown>(method: string, payload: unknown): Promise<T> {
  const reply = await core.dispatch(method, payload, agent);
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return reply.value as T;
}

/** Waits for this call's ringing event (not an earlier call's). */
async function nextRinging(): Promise<string> {
  const seen = new Set(events.all.filter((r) => r.event === 'onCallEvent' && (r.payload as CallEvent).type === 'ringing').map((r) => (r.payload as CallEvent).callId));
  const ringing = await events.waitFor((r) => r.event === 'onCallEvent' && (r.payload as CallEvent).type === 'ringing' && !seen.has((r.payload as CallEvent).callId), 'ringing');
  return (ringing.payload as CallEvent).callId;
}

async function stored(callId: string) {
  await core.callLog.settled();
  const [row] = await store.query('SELECT agent_id, direction, remote_number, outcome, answered_at, ended_at, ring_count, notes FROM calls WHERE id = ?', [callId]);
  const kinds = (await store.query('SELECT kind FROM call_events WHERE call_id = ? ORDER BY id', [callId])).map((r) => r.kind);
  return { row, kinds };
}

describe('call records from real call events', () => {
  it('an answered call, with notes typed during it', async () => {
    const call = caller.call('1001');
    const callId = await nextRinging();
    await ok('answerCall', { callId });
    const established = await call;
    await established.established;
    await ok('saveCallNote', { callId, text: '客户咨询宽带资费 asks about fibre prices' });
    await ok('hangUp', { callId });
    await events.callEvent('ended', callId);
    const { row, kinds } = await stored(callId);
    expect(row).toMatchObject({ agent_id: 'agent-7', direction: 'inbound', remote_number: '3001', outcome: 'answered', ring_count: 1, notes: '客户咨询宽带资费 asks about fibre prices' });
    expect(row!.answered_at).not.toBeNull();
    expect(kinds).toEqual(expect.arrayContaining(['offered', 'ringing', 'answered', 'ended']));
    await ok('endWrapUp', {});
  });

  it('an abandoned call (the caller hangs up while it rings)', async () => {
    const call = caller.call('1001');
    const callId = await nextRinging();
    await (await call).hangUp();
    await events.callEvent('ended', callId);
    const { row, kinds } = await stored(callId);
    expect(row).toMatchObject({ direction: 'inbound', outcome: 'abandoned', answered_at: null, ring_count: 1 });
    expect(row!.ended_at).not.toBeNull();
    expect(kinds).toEqual(['offered', 'ringing', 'ringOutcome', 'ended']);
  });

  it('a call blind-transferred to a colleague', async () => {
    const call = caller.call('1001');
    const callId = await nextRinging();
    await ok('answerCall', { callId });
    const ringingAtColleague = colleague.nextIncoming();
    const scripted = await call;
    await scripted.established;
    await ok('blindTransfer', { callId, target: '2002' });
    const referred = await scripted.referredCallReady;
    await referred.established;
    await (await ringingAtColleague).established;
    await events.callEvent('ended', callId);
    const { row, kinds } = await stored(callId);
    expect(row).toMatchObject({ direction: 'inbound', remote_number: '3001', outcome: 'transferred' });
    expect(kinds).toEqual(expect.arrayContaining(['answered', 'transferStarted', 'transferCompleted', 'ended']));
    await referred.hangUp();
  });
});
