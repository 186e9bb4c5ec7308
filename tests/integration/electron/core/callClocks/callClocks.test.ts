// The clocks on real calls through Kamailio, with the real store: the ring count stored with each
// call agrees with how long the caller waited (S-1.3); abandoned and rung-out calls store the rings
// they reached; ring-no-answer puts the agent in Not ready — Missed; wrap-up is stored.
// A custom 500 ms cadence (200 on / 300 off) keeps the test short; the arithmetic is the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Store } from '../../../../../electron/adapters/store/engine/store';
import { type Core } from '../../../../../electron/core/createCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import { ringNumberAt } from '../../../../../shared/domain/ringCadence';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import type { EventRecorder } from '../../../../support/softphone/softphoneFixtures';
import { startCoreOnStore, type CoreOnStore } from '../../../../support/core/coreOnStore';

const cadence = { kind: 'custom', onMs: 200, offMs: 300 } as const;
const cycleMs = 500;
const agent: CallerContext = { role: 'agent', userId: 'local' };
const teamLead: CallerContext = { role: 'teamLead', userId: 'lead' };

let kamailio: RunningKamailio;
let store: Store;
let core: Core;
let events: EventRecorder;
let onStore: CoreOnStore;
let caller: ScriptedUa;

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: '3001', password: 'caller-secret' }] });
  onStore = await startCoreOnStore(kamailio, { dataDirPrefix: 'deskline-clocks-' });
  ({ core, store, events } = onStore);
  const clocks = { ringCadence: cadence, missedAfterRings: 4, missedSetsNotReady: true, wrapUpLimitSec: 60, holdCheckInIntervalSec: 45, guidedHold: true };
  expect(await core.dispatch('saveClockSettings', clocks, agent)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await core.dispatch('saveClockSettings', clocks, teamLead)).toMatchObject({ ok: true });
  caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain });
  await caller.start();
});
afterAll(async () => {
  await caller?.stop();
  await onStore?.close();
  await kamailio?.stop();
});

async function storedCall(callId: string) {
  await core.callLog.settled();
  const [row] = await store.query('SELECT * FROM calls WHERE id = ?', [callId]);
  return row;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('service-standard clocks on real calls', () => {
  it('stores the ring count the caller waited through, and wrap-up time (S-1.3)', async () => {
    const sentAt = performance.now();
    const call = await caller.call('1001');
    const ringing = await events.callEvent('ringing');
    // Answer in the middle of ring 3 (1.0–1.5 s), far from either boundary.
    await sleep(1_250 - (performance.now() - sentAt));
    await core.dispatch('answerCall', { callId: ringing.callId }, agent);
    await call.established;
    const callerWaitedMs = performance.now() - sentAt;
    const rings = events.all.flatMap((r) => (r.event === 'onRingCount' && r.payload.callId === ringing.callId ? [r.payload] : []));
    expect(rings.map((r) => [r.ring, r.standing])).toEqual([
      [1, 'within'],
      [2, 'within'],
      [3, 'last'],
    ]);

    await core.dispatch('hangUp', { callId: ringing.callId }, agent);
    await call.terminated;
    await events.waitFor((r) => r.event === 'onWrapUpChanged' && r.payload.running, 'wrap-up started');
    await sleep(200);
    const ended = await core.dispatch('endWrapUp', {}, agent);
    expect(ended).toMatchObject({ ok: true, value: { running: false, endedBy: 'agent' } });

    const row = await storedCall(ringing.callId);
    expect(row).toMatchObject({ outcome: 'answered', ring_count: 3, answered_within_three_rings: 1, answered_by_second_ring: 0 });
    // The agent's count starts when the call alerts, a few ms after the caller sent the INVITE.
    const timeToAnswer = Number(row!.time_to_answer_ms);
    expect(timeToAnswer).toBeLessThanOrEqual(callerWaitedMs);
    expect(callerWaitedMs - timeToAnswer).toBeLessThan(200);
    expect(ringNumberAt(timeToAnswer, cadence)).toBe(3);
    expect(ringNumberAt(callerWaitedMs, cadence)).toBe(3);
    expect(Number(row!.wrap_ms)).toBeGreaterThanOrEqual(200);
    const timeline = await store.query('SELECT kind FROM call_events WHERE call_id = ? ORDER BY id', [ringing.callId]);
    expect(timeline.map((r) => r.kind)).toEqual(expect.arrayContaining(['offered', 'ringing', 'ringOutcome', 'answered', 'ended', 'wrapUp']));
  });

  it('stores the rings an abandoned call reached', async () => {
    const call = await caller.call('1001');
    const ringing = await events.waitFor((r) => r.event === 'onCallEvent' && r.payload.type === 'ringing' && !events.all.some((x) => x.event === 'onCallEvent' && x.payload.type === 'ended' && x.payload.callId === r.payload.callId), 'second ringing');
    const callId = (ringing.payload as { callId: string }).callId;
    await sleep(cycleMs + 250); // in ring 2
    await call.hangUp();
    await events.callEvent('ended', callId);
    expect(await storedCall(callId)).toMatchObject({ outcome: 'abandoned', ring_count: 2, answered_within_three_rings: 0, time_to_answer_ms: null });
  });

  it('after N rings with no answer: stops ringing, stores missed, and sets Not ready — Missed with a notice', async () => {
    const call = await caller.call('1001');
    const notice = await events.waitFor((r) => r.event === 'onClockNotice', 'missed-call notice', 5 * cycleMs + 2_000);
    expect(notice.payload).toMatchObject({ kind: 'missedCall', number: '3001', rings: 4, setNotReady: true });
    const callId = (notice.payload as { callId: string }).callId;
    await call.terminated;
    expect(call.rejectedWith).toBe(480);
    await events.callEvent('ended', callId);
    await events.waitFor((r) => r.event === 'onAgentStateChanged' && r.payload.state.kind === 'notReady', 'Not ready — Missed');
    expect(await core.dispatch('getAgentState', {}, agent)).toMatchObject({ ok: true, value: { state: { kind: 'notReady', reason: 'missed' } } });
    expect(await storedCall(callId)).toMatchObject({ outcome: 'missed', ring_count: 4, answered_within_three_rings: 0 });
  });
});
