// Folding call events into the `calls` row: outcomes, S-1 ring fields, hold/talk/wrap from the
// monotonic clock (S-3), rejected inputs, and the `call_events` row. Expected values are worked out
// by hand in the comments.
import { describe, expect, it } from 'vitest';
import type { CallDirection, CallEndCause, CallEvent, CallEventType } from '../../../../shared/contract/softphone';
import { buildCallRecord, callEventRow, callOutcomes, outcomeForEnd, type CallRecordRow } from '../../../../shared/domain/callRecord';
import { CallStateMachine } from '../../../../shared/domain/callStateMachine';
import { RingCounter, type RingOutcome } from '../../../../shared/domain/ringCounter';
import type { WrapUpResult } from '../../../../shared/domain/wrapUpTimer';
import { migration001 } from '../../../../electron/adapters/store/migrations/001_coreTables';
import { migrations } from '../../../../electron/adapters/store/migrations';
import { FakeClock } from '../../../support/fakeClock';

// 2026-11-23 09:00:00 in China (+08:00).
const W0 = Date.UTC(2026, 10, 23, 1, 0, 0);

type Body<T extends CallEventType> = Omit<Extract<CallEvent, { type: T }>, 'type' | 'callId' | 'direction' | 'at'>;

/** Events of one call; wall time is W0 + monotonic unless given. */
function callOf(callId: string, direction: CallDirection) {
  return <T extends CallEventType>(type: T, monotonic: number, body: Body<T>, wall = W0 + monotonic): CallEvent =>
    ({ type, callId, direction, at: { monotonic, wall }, ...body }) as CallEvent;
}

const caller = { number: '13800135678', name: '张三' };
const offered = { remote: caller, waiting: false };
const ended = (cause: CallEndCause, by: 'local' | 'remote' | 'system', sipCode: number | null = null) => ({ cause, by, sipCode });

const notRung = { ringCount: null, timeToAnswerMs: null, answeredWithinThreeRings: null, answeredBySecondRing: null };
const agentFields = { category: null, disposition: null, satisfaction: null, isComplaint: 0, notes: '' } as const;

function wrapUp(startedAtMonotonic: number, durationMs: number): WrapUpResult {
  return { nextState: 'ready', endedBy: 'agent', startedAtMonotonic, endedAtMonotonic: startedAtMonotonic + durationMs, durationMs, limitMs: 60_000, extendedByMs: null };
}

describe('buildCallRecord', () => {
  it('an answered call with two holds: hold and talk from the monotonic clock, even across a wall-clock step', () => {
    const e = callOf('c1', 'inbound');
    // The wall clock is stepped back 60 s during the first hold (NTP); durations must not notice.
    const stepped = (monotonic: number) => W0 + monotonic - 1_000 - 60_000;
    const events = [
      e('offered', 1_000, offered, W0),
      e('ringing', 1_000, {}, W0),
      e('answered', 9_500, {}, W0 + 8_500),
      e('held', 40_000, {}, W0 + 39_000),
      e('resumed', 70_000, {}, stepped(70_000)),
      e('muted', 80_000, {}, stepped(80_000)),
      e('unmuted', 85_000, {}, stepped(85_000)),
      e('held', 100_000, {}, stepped(100_000)),
      e('resumed', 112_500.4, {}, stepped(112_500)),
      e('ended', 190_000, ended('completed', 'remote'), stepped(190_000)),
    ];
    // 8.5 s after alerting began: ring 2 had started at 5 s, ring 3 starts at 10 s (China cadence).
    const ring: RingOutcome = { outcome: 'answered', rings: 2, timeToAnswerMs: 8_500, answeredWithinThreeRings: true, answeredBySecondRing: true };
    const row = buildCallRecord({ events, agentId: 'agent-7', ring, wrapUp: wrapUp(190_000, 25_400), customerId: 'cust-1' });
    expect(row).toEqual<CallRecordRow>({
      id: 'c1',
      agentId: 'agent-7',
      direction: 'inbound',
      remoteNumber: '13800135678',
      remoteName: '张三',
      customerId: 'cust-1',
      outcome: 'answered',
      startedAt: W0,
      answeredAt: W0 + 8_500,
      endedAt: W0 + 129_000, // the stepped wall clock, as people saw it
      ringCount: 2,
      timeToAnswerMs: 8_500,
      answeredWithinThreeRings: 1,
      answeredBySecondRing: 1,
      holdMs: 42_500, // (70 000 − 40 000) + (112 500.4 − 100 000) = 42 500.4 → 42 500
      talkMs: 138_000, // (190 000 − 9 500) − 42 500
      wrapMs: 25_400,
      ...agentFields,
      callerIdVerified: 0, // S-6: the From header, not asserted
      anonymisedAt: null, // S-6 retention has not run on it
    });
  });

  it('an abandoned call at ring 2: no answer, no talk, ring fields from the counter', () => {
    const e = callOf('c2', 'inbound');
    const events = [e('offered', 0, offered), e('ringing', 0, {}), e('ended', 7_200, ended('abandoned', 'remote'))];
    const ring: RingOutcome = { outcome: 'abandoned', rings: 2, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false };
    expect(buildCallRecord({ events, agentId: 'agent-7', ring })).toEqual<CallRecordRow>({
      id: 'c2',
      agentId: 'agent-7',
      direction: 'inbound',
      remoteNumber: '13800135678',
      remoteName: '张三',
      customerId: null,
      outcome: 'abandoned',
      startedAt: W0,
      answeredAt: null,
      endedAt: W0 + 7_200,
      ringCount: 2,
      timeToAnswerMs: null,
      answeredWithinThreeRings: 0,
      answeredBySecondRing: 0,
      holdMs: 0,
      talkMs: 0,
      wrapMs: 0,
      ...agentFields,
      callerIdVerified: 0, // S-6: the From header, not asserted
      anonymisedAt: null, // S-6 retention has not run on it
    });
  });

  it('a transferred call: the caller held for the consultation until the transfer completed', () => {
    const e = callOf('c3', 'inbound');
    const events = [
      e('offered', 0, offered),
      e('ringing', 0, {}),
      e('answered', 4_000, {}),
      e('held', 30_000, {}),
      e('transferStarted', 30_500, { kind: 'attended', target: '2002' }),
      e('transferCompleted', 55_000, { kind: 'attended', target: '2002' }),
      e('ended', 55_000, ended('transferred', 'system')),
    ];
    const ring: RingOutcome = { outcome: 'answered', rings: 1, timeToAnswerMs: 4_000, answeredWithinThreeRings: true, answeredBySecondRing: true };
    const row = buildCallRecord({ events, agentId: 'agent-7', ring, wrapUp: wrapUp(55_000, 60_000) });
    expect(row).toMatchObject({ outcome: 'transferred', answeredAt: W0 + 4_000, endedAt: W0 + 55_000, ringCount: 1 });
    // The hold was still open at 'ended': 55 000 − 30 000. Talk: (55 000 − 4 000) − 25 000.
    expect([row.holdMs, row.talkMs, row.wrapMs]).toEqual([25_000, 26_000, 60_000]);
  });

  it('a declined call is "declined", with the rings reached when the agent declined', () => {
    const e = callOf('c4', 'inbound');
    const events = [e('offered', 0, offered), e('ringing', 0, {}), e('ended', 6_000, ended('declined', 'local', 603))];
    const ring: RingOutcome = { outcome: 'missed', rings: 2, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false };
    expect(buildCallRecord({ events, agentId: 'agent-7', ring })).toMatchObject({
      outcome: 'declined',
      answeredAt: null,
      endedAt: W0 + 6_000,
      ringCount: 2,
      answeredWithinThreeRings: 0,
      talkMs: 0,
    });
  });

  it('a busy-rejected inbound call (call waiting) is "missed"', () => {
    const e = callOf('c5', 'inbound');
    const events = [e('offered', 0, { remote: caller, waiting: true }), e('ended', 0, ended('busy', 'system', 486))];
    expect(buildCallRecord({ events, agentId: 'agent-7' })).toMatchObject({ outcome: 'missed', ...notRung });
  });

  it('an outbound call: started at dialing, no ring fields, hold subtracted from talk', () => {
    const e = callOf('c6', 'outbound');
    const events = [
      e('dialing', 0, { remote: { number: '+8613800135678', name: null } }),
      e('alerting', 2_000, {}),
      e('answered', 12_000, {}),
      e('held', 20_000, {}),
      e('resumed', 25_000, {}),
      e('ended', 72_000, ended('completed', 'local')),
    ];
    expect(buildCallRecord({ events, agentId: 'agent-7', wrapUp: wrapUp(72_000, 10_000) })).toEqual<CallRecordRow>({
      id: 'c6',
      agentId: 'agent-7',
      direction: 'outbound',
      remoteNumber: '+8613800135678',
      remoteName: null,
      customerId: null,
      outcome: 'answered',
      startedAt: W0,
      answeredAt: W0 + 12_000,
      endedAt: W0 + 72_000,
      ...notRung,
      holdMs: 5_000,
      talkMs: 55_000, // (72 000 − 12 000) − 5 000
      wrapMs: 10_000,
      ...agentFields,
      callerIdVerified: null, // outbound: we dialled it
      anonymisedAt: null,
    });
  });

  it('an outbound call the agent cancelled while it rang is "missed": the customer was not reached', () => {
    const e = callOf('c7', 'outbound');
    const events = [e('dialing', 0, { remote: caller }), e('alerting', 1_000, {}), e('ended', 30_000, ended('cancelled', 'local', 487))];
    expect(buildCallRecord({ events, agentId: 'agent-7' })).toMatchObject({ outcome: 'missed', answeredAt: null, talkMs: 0, ...notRung });
  });

  it('a call without "ended" is active, with durations as of its latest event', () => {
    const e = callOf('c8', 'inbound');
    const events = [e('offered', 0, offered), e('ringing', 0, {}), e('answered', 5_000, {}), e('held', 20_000, {}), e('muted', 26_000, {})];
    const row = buildCallRecord({ events, agentId: 'agent-7' });
    // Hold 26 000 − 20 000; talk (26 000 − 5 000) − 6 000.
    expect(row).toMatchObject({ outcome: 'active', endedAt: null, holdMs: 6_000, talkMs: 15_000, ...notRung });
  });

  it('folds what the call state machine and ring counter really produce', () => {
    const clock = new FakeClock({ monotonicStart: 1_000, wallStart: W0 });
    const events: CallEvent[] = [];
    const call = new CallStateMachine(clock, { callId: 'c9', direction: 'inbound', remote: caller }, (event) => events.push(event));
    const rings = new RingCounter(clock);
    call.offer();
    rings.start();
    clock.advance(12_000); // ring 3 started at 10 s
    call.answered();
    const ring = rings.answer();
    clock.advance(20_000);
    call.held();
    clock.advance(45_000);
    call.resumed();
    clock.advance(30_000);
    call.ended('remote', 'bye');
    expect(buildCallRecord({ events, agentId: 'agent-7', ring })).toMatchObject({
      outcome: 'answered',
      startedAt: W0,
      answeredAt: W0 + 12_000,
      endedAt: W0 + 107_000,
      ringCount: 3,
      timeToAnswerMs: 12_000,
      answeredWithinThreeRings: 1,
      answeredBySecondRing: 0,
      holdMs: 45_000,
      talkMs: 50_000, // 95 000 answered → ended, less 45 000
    });
  });

  describe('rejects input that cannot be one call', () => {
    const e = callOf('c1', 'inbound');
    const start = [e('offered', 0, offered), e('ringing', 0, {})];
    const cases: Array<[string, () => unknown, RegExp]> = [
      ['no events', () => buildCallRecord({ events: [], agentId: 'a' }), /none were given/],
      ['no first event', () => buildCallRecord({ events: [e('ringing', 0, {})], agentId: 'a' }), /first event must be 'offered' \(inbound\) or 'dialing'/],
      ['a start event of the wrong direction', () => buildCallRecord({ events: [callOf('c1', 'outbound')('offered', 0, offered)], agentId: 'a' }), /'offered' cannot start an outbound call/],
      ['another call\'s event', () => buildCallRecord({ events: [...start, callOf('c2', 'inbound')('answered', 1, {})], agentId: 'a' }), /event 2 \('answered'\) belongs to another call \(c2\)/],
      ['an event after ended', () => buildCallRecord({ events: [...start, e('ended', 5, ended('abandoned', 'remote')), e('answered', 6, {})], agentId: 'a' }), /comes after 'ended'/],
      ['events out of order', () => buildCallRecord({ events: [...start, e('answered', 9, {}), e('held', 8, {})], agentId: 'a' }), /must be in order/],
      ['a second start', () => buildCallRecord({ events: [...start, e('offered', 1, offered)], agentId: 'a' }), /already started/],
      ['hold before answer', () => buildCallRecord({ events: [...start, e('held', 1, {})], agentId: 'a' }), /only an answered call can be held/],
      ['resume without hold', () => buildCallRecord({ events: [...start, e('answered', 1, {}), e('resumed', 2, {})], agentId: 'a' }), /not on hold/],
      [
        'a ring outcome on an outbound call',
        () => buildCallRecord({ events: [callOf('c1', 'outbound')('dialing', 0, { remote: caller })], agentId: 'a', ring: { outcome: 'missed', rings: 1, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false } }),
        /ring outcome belongs to an inbound call/,
      ],
      ['wrap-up before the end', () => buildCallRecord({ events: start, agentId: 'a', wrapUp: wrapUp(0, 1) }), /has not ended/],
    ];
    it.each(cases)('%s', (_name, build, message) => {
      expect(build).toThrow(message);
    });
  });
});

describe('outcomeForEnd', () => {
  it.each<[CallEndCause, number | null, string]>([
    ['completed', null, 'answered'],
    ['transferred', null, 'transferred'],
    ['replaced', null, 'transferred'],
    ['abandoned', null, 'abandoned'],
    ['unanswered', null, 'missed'],
    ['busy', 486, 'missed'],
    ['declined', 603, 'declined'],
    ['cancelled', 487, 'missed'],
    ['rejected', 603, 'missed'], // the customer refused: not reached, callback owed
    ['rejected', 480, 'missed'],
    ['rejected', 503, 'failed'], // the network refused: a reliability failure (S-7)
    ['failed', null, 'failed'],
  ])('%s (SIP %s) → %s', (cause, sipCode, outcome) => {
    expect(outcomeForEnd(cause, sipCode)).toBe(outcome);
  });
});

describe('the row matches the calls table', () => {
  const sql = migration001.statements.find((s) => s.startsWith('CREATE TABLE calls ')) ?? '';

  it('has exactly the columns of the table, in order', () => {
    // The columns of migration 1, then those later migrations add (ALTER TABLE calls ADD COLUMN).
    const added = migrations.flatMap((m) => m.statements).flatMap((st) => [...st.matchAll(/^ALTER TABLE calls ADD COLUMN (\w+)/gm)].map((m) => m[1]));
    const columns = [...[...sql.matchAll(/^\s+(\w+) [A-Z]+/gm)].map((m) => m[1]), ...added];
    const e = callOf('c1', 'inbound');
    const row = buildCallRecord({ events: [e('offered', 0, offered)], agentId: 'a' });
    const keys = Object.keys(row).map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
    expect(keys).toEqual(columns);
  });

  it('has exactly the outcomes of the CHECK list', () => {
    const list = /outcome IN \(([^)]*)\)/.exec(sql)?.[1] ?? '';
    expect(list.split(',').map((s) => s.trim().replace(/'/g, ''))).toEqual([...callOutcomes]);
  });
});

describe('callEventRow', () => {
  const e = callOf('c1', 'inbound');

  it('keeps id, kind and both stamps as columns and everything else as detail', () => {
    const row = callEventRow(e('ended', 190_000.25, ended('completed', 'remote'), W0 + 189_000));
    expect(row).toMatchObject({ callId: 'c1', kind: 'ended', atWall: W0 + 189_000, atMonotonic: 190_000.25 });
    expect(JSON.parse(row.detailJson)).toEqual({ direction: 'inbound', cause: 'completed', by: 'remote', sipCode: null });
  });

  it('carries the remote party of an offer and the target of a transfer', () => {
    expect(JSON.parse(callEventRow(e('offered', 0, offered)).detailJson)).toEqual({ direction: 'inbound', remote: caller, waiting: false });
    expect(JSON.parse(callEventRow(e('transferFailed', 1, { kind: 'blind', target: '2002', reason: '404' })).detailJson)).toEqual({
      direction: 'inbound',
      kind: 'blind',
      target: '2002',
      reason: '404',
    });
    expect(JSON.parse(callEventRow(e('held', 2, {})).detailJson)).toEqual({ direction: 'inbound' });
  });
});
