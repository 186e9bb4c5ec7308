// The call clocks service on a fake clock, driven through a fake ClockPhone: ring counts (S-1),
// ring-no-answer, guided hold with check-ins (S-2) and wrap-up, at exact times and instantly.
import { describe, expect, it } from 'vitest';
import { CallClocksService, type ClockPhone, type ClockRecord } from '../../../../../electron/core/callClocks/callClocksService';
import { CallClocksSettingsStore } from '../../../../../electron/core/callClocks/callClocksSettings';
import { EventHub } from '../../../../../electron/core/kernel/eventHub';
import { eventViewFor } from '../../../../../electron/core/softphone';
import type { Logger } from '../../../../../electron/core/kernel/platformPorts';
import type { AgentState, AgentStateView } from '../../../../../shared/contract/agentState';
import type { EventName, EventPayloadOf } from '../../../../../shared/contract/api';
import { defaultClockSettings, type ClockSettings, type HoldGuideView, type WrapUpView } from '../../../../../shared/contract/callClocks';
import { ContractError } from '../../../../../shared/contract/envelope';
import { callEventSchema, type CallDirection, type CallEndCause, type CallEvent, type CallParty, type Stamp } from '../../../../../shared/contract/softphone';
import { FakeClock } from '../../../../support/fakeClock';
import { MemorySettings } from '../../../../support/softphone/softphoneFixtures';

// Monotonic time starts at 1 000 so "elapsed" and "monotonic" cannot be confused; wall time is
// 2026-11-23 09:00:00 in China.
const T0 = 1_000;
const W0 = Date.UTC(2026, 10, 23, 1, 0, 0);
const caller = '13800135678';

/** The softphone as the clocks see it: the test says what happens to a call, stamped from the fake clock. */
class FakePhone implements ClockPhone {
  readonly holdCalls: string[] = [];
  readonly giveUps: string[] = [];
  /** Set to make giveUpRinging fail (the 480 could not be sent). */
  giveUpFailure: Error | null = null;
  private readonly listeners = new Set<(event: CallEvent) => void>();
  private readonly live = new Map<string, { direction: CallDirection; number: string }>();

  constructor(
    private readonly clock: FakeClock,
    private readonly log: string[],
  ) {}

  onCallEvent(listener: (event: CallEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  holdCall(callId: string): Promise<unknown> {
    this.holdCalls.push(callId);
    this.log.push(`holdCall ${callId}`);
    this.send({ ...this.base(callId), type: 'held' }); // the re-INVITE went through
    return Promise.resolve(undefined);
  }

  giveUpRinging(callId: string): Promise<void> {
    this.giveUps.push(callId);
    this.log.push(`giveUpRinging ${callId} @${this.clock.monotonicNow() - T0}`);
    return this.giveUpFailure ? Promise.reject(this.giveUpFailure) : Promise.resolve();
  }

  hasLiveCalls(): boolean {
    return this.live.size > 0;
  }

  remoteNumberOf(callId: string): string | null {
    return this.live.get(callId)?.number ?? null;
  }

  /** An inbound call arrives and starts alerting the agent now; returns the 'ringing' event. */
  ring(callId: string, number = caller): CallEvent {
    const waiting = this.live.size > 0;
    this.live.set(callId, { direction: 'inbound', number });
    this.send({ ...this.base(callId), type: 'offered', remote: { number, name: null }, waiting });
    return this.send({ ...this.base(callId), type: 'ringing' });
  }

  answer(callId: string): CallEvent {
    return this.send({ ...this.base(callId), type: 'answered' });
  }

  resume(callId: string): CallEvent {
    return this.send({ ...this.base(callId), type: 'resumed' });
  }

  end(callId: string, cause: CallEndCause, by: CallParty = 'remote', sipCode: number | null = null): CallEvent {
    const event: CallEvent = { ...this.base(callId), type: 'ended', cause, by, sipCode };
    this.live.delete(callId); // as in SoftphoneService: an ended call is no longer live for its listeners
    return this.send(event);
  }

  stamp(): Stamp {
    return { monotonic: this.clock.monotonicNow(), wall: this.clock.wallNow() };
  }

  private base(callId: string): { callId: string; direction: CallDirection; at: Stamp } {
    const call = this.live.get(callId);
    if (!call) throw new Error(`the test has no live call ${callId}`);
    return { callId, direction: call.direction, at: this.stamp() };
  }

  private send(event: CallEvent): CallEvent {
    const checked = callEventSchema.parse(event); // the events have the contract's exact shape
    for (const listener of [...this.listeners]) listener(checked);
    return checked;
  }
}

class RecordingLogger implements Logger {
  readonly errors: Array<{ message: string; details: Record<string, unknown> | undefined }> = [];
  info = (): void => undefined;
  warn = (): void => undefined;
  error(message: string, details?: Record<string, unknown>): void {
    this.errors.push({ message, details });
  }
}

type Published = { [E in EventName]: { event: E; payload: EventPayloadOf<E>; at: number } }[EventName];

function setUp(settings: Partial<ClockSettings> = {}) {
  const clock = new FakeClock({ monotonicStart: T0, wallStart: W0 });
  const log: string[] = [];
  const phone = new FakePhone(clock, log);
  const states: AgentState[] = [];
  const agentState = {
    set: (state: AgentState): Promise<AgentStateView> => {
      states.push(state);
      log.push(`agentState ${state.kind === 'notReady' ? `notReady/${state.reason}` : state.kind}`);
      return Promise.resolve({ state, sinceWall: clock.wallNow(), elapsedMs: 0 });
    },
  };
  const store = new CallClocksSettingsStore(new MemorySettings());
  store.save({ ...defaultClockSettings, ...settings });
  const hub = new EventHub(eventViewFor(null));
  const published: Published[] = [];
  hub.subscribe((event, payload) => {
    published.push({ event, payload, at: clock.monotonicNow() - T0 } as Published);
    if (event === 'onClockNotice') log.push(`notice ${JSON.stringify(payload)}`);
  });
  const logger = new RecordingLogger();
  const service = new CallClocksService({ clock, phone, agentState, settings: store, eventHub: hub, logger });
  const records: ClockRecord[] = [];
  service.onRecord((record) => records.push(record));

  /** Payloads of one contract event, in order, with the time (ms after T0) each was published. */
  function publishedOf<E extends EventName>(event: E): Array<{ at: number; payload: EventPayloadOf<E> }> {
    return published.flatMap((p) => (p.event === event ? [{ at: p.at, payload: p.payload as EventPayloadOf<E> }] : []));
  }
  const recordsOf = <K extends ClockRecord['kind']>(kind: K) => records.filter((r): r is Extract<ClockRecord, { kind: K }> => r.kind === kind);
  const holdViews = (): HoldGuideView[] => publishedOf('onHoldGuideChanged').map((p) => p.payload);
  const wrapUpViews = (): WrapUpView[] => publishedOf('onWrapUpChanged').map((p) => p.payload);
  /** ms since T0 */
  const now = () => clock.monotonicNow() - T0;
  const advanceTo = (msSinceT0: number) => clock.advance(msSinceT0 - now());

  return { clock, phone, states, store, service, records, logger, log, publishedOf, recordsOf, holdViews, wrapUpViews, now, advanceTo };
}

type Setup = ReturnType<typeof setUp>;

/** Lets the service's awaited steps (giveUpRinging, agentState.set) run; the fake clock does not move. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function expectContractError(work: () => unknown, code: ContractError['code']): Promise<void> {
  let caught: unknown;
  try {
    await work();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ContractError);
  expect((caught as ContractError).code).toBe(code);
}

/** Rings `callId` now and answers it `afterMs` later. */
function answeredCall(t: Setup, callId: string, afterMs = 3_000): void {
  t.phone.ring(callId);
  t.clock.advance(afterMs);
  t.phone.answer(callId);
}

/** Opens the S-2 steps, walks them, and holds with the promise; returns the hold's start stamp. */
async function holdWithSteps(t: Setup, callId: string, promisedMs: number): Promise<Stamp> {
  t.service.startHoldSteps(callId);
  t.service.nextHoldStep(callId);
  t.service.nextHoldStep(callId);
  t.service.nextHoldStep(callId);
  const start = t.phone.stamp();
  await t.service.holdWithPromise(callId, promisedMs);
  return start;
}

/** Drops consecutive repeats (each step change is published by the guide's step listener and by the command). */
function distinct<T>(views: T[]): T[] {
  return views.filter((view, i) => i === 0 || JSON.stringify(view) !== JSON.stringify(views[i - 1]));
}

describe('CallClocksService ring counter (S-1, China 5 s cycle)', () => {
  it('S-1.1, S-1.3: onRingCount fires at exactly 0, 5 000, 10 000 and 15 000 ms: within, within, last, missed', () => {
    const t = setUp();
    const ringing = t.phone.ring('c1');
    const rings = () => t.publishedOf('onRingCount');
    expect(rings().map((r) => r.at)).toEqual([0]);
    for (const [at, count] of [
      [4_999, 1],
      [5_000, 2],
      [9_999, 2],
      [10_000, 3],
      [14_999, 3],
      [15_000, 4],
    ] as const) {
      t.advanceTo(at);
      expect(rings(), `at ${at} ms`).toHaveLength(count);
    }
    // S-1.3: ring n starts at (n-1) × cycle after alerting began.
    expect(rings()).toEqual([
      { at: 0, payload: { callId: 'c1', ring: 1, standing: 'within', boundaryWall: ringing.at.wall, cycleMs: 5_000 } },
      { at: 5_000, payload: { callId: 'c1', ring: 2, standing: 'within', boundaryWall: ringing.at.wall + 5_000, cycleMs: 5_000 } },
      { at: 10_000, payload: { callId: 'c1', ring: 3, standing: 'last', boundaryWall: ringing.at.wall + 10_000, cycleMs: 5_000 } },
      { at: 15_000, payload: { callId: 'c1', ring: 4, standing: 'missed', boundaryWall: ringing.at.wall + 15_000, cycleMs: 5_000 } },
    ]);
    expect(t.service.state().rings).toEqual([rings()[3]?.payload]);
    expect(t.records).toEqual([]);
  });

  it('S-1.1: answered at 14 999 ms is 3 rings, within three rings; ring 4 never fires', () => {
    const t = setUp();
    t.phone.ring('c1');
    t.advanceTo(14_999);
    t.phone.answer('c1');
    expect(t.records).toEqual([
      {
        kind: 'ringOutcome',
        callId: 'c1',
        atWall: t.clock.wallNow(), // stamped on the injected clock when the outcome was decided: now
        outcome: { outcome: 'answered', rings: 3, timeToAnswerMs: 14_999, answeredWithinThreeRings: true, answeredBySecondRing: false },
      },
    ]);
    t.clock.advance(60_000);
    expect(t.publishedOf('onRingCount').map((r) => r.payload.ring)).toEqual([1, 2, 3]);
    expect(t.service.state().rings).toEqual([]); // a decided ring count is no longer shown
    expect(t.clock.pendingTimerCount()).toBe(0);
  });

  it('S-1.1: answered at exactly 15 000 ms is 4 rings, not within three rings', () => {
    const t = setUp();
    t.phone.ring('c1');
    t.advanceTo(15_000); // ring 4 starts first, at its boundary
    t.phone.answer('c1');
    expect(t.publishedOf('onRingCount').map((r) => [r.payload.ring, r.payload.standing])).toEqual([
      [1, 'within'],
      [2, 'within'],
      [3, 'last'],
      [4, 'missed'],
    ]);
    expect(t.records).toEqual([
      {
        kind: 'ringOutcome',
        callId: 'c1',
        atWall: t.clock.wallNow(), // stamped on the injected clock when the outcome was decided: now
        outcome: { outcome: 'answered', rings: 4, timeToAnswerMs: 15_000, answeredWithinThreeRings: false, answeredBySecondRing: false },
      },
    ]);
  });

  it('S-1.3: the caller hanging up during ring 1 is stored as abandoned after 1 ring, with no wrap-up', () => {
    const t = setUp();
    t.phone.ring('c1');
    t.advanceTo(3_000);
    t.phone.end('c1', 'abandoned', 'remote', 487);
    expect(t.records).toEqual([
      {
        kind: 'ringOutcome',
        callId: 'c1',
        atWall: t.clock.wallNow(), // stamped on the injected clock when the outcome was decided: now
        outcome: { outcome: 'abandoned', rings: 1, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false },
      },
    ]);
    t.clock.advance(120_000);
    expect(t.publishedOf('onRingCount')).toHaveLength(1);
    expect(t.wrapUpViews()).toEqual([]);
    expect(t.service.state()).toEqual({ rings: [], holds: [], wrapUp: null });
    expect(t.states).toEqual([]);
    expect(t.clock.pendingTimerCount()).toBe(0);
  });

  it('declined at ring 2 is stored as missed after 2 rings and raises no notice', async () => {
    const t = setUp();
    t.phone.ring('c1');
    t.advanceTo(7_000);
    t.phone.end('c1', 'declined', 'local', 603);
    expect(t.records).toEqual([
      {
        kind: 'ringOutcome',
        callId: 'c1',
        atWall: t.clock.wallNow(), // stamped on the injected clock when the outcome was decided: now
        outcome: { outcome: 'missed', rings: 2, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false },
      },
    ]);
    t.clock.advance(120_000);
    await settle();
    expect(t.publishedOf('onClockNotice')).toEqual([]);
    expect(t.phone.giveUps).toEqual([]);
    expect(t.states).toEqual([]);
    expect(t.wrapUpViews()).toEqual([]);
  });
});

describe('CallClocksService ring-no-answer', () => {
  it('S-1: after 6 rings, at exactly 30 000 ms, gives up ringing, sets Not ready — Missed, then notifies', async () => {
    const t = setUp({ missedAfterRings: 6 });
    t.phone.ring('c1');
    t.advanceTo(29_999);
    await settle();
    expect(t.phone.giveUps).toEqual([]);
    expect(t.records).toEqual([]);
    expect(t.publishedOf('onRingCount').map((r) => [r.payload.ring, r.at])).toEqual([
      [1, 0],
      [2, 5_000],
      [3, 10_000],
      [4, 15_000],
      [5, 20_000],
      [6, 25_000],
    ]);

    t.advanceTo(30_000);
    expect(t.phone.giveUps).toEqual(['c1']); // at once, on the timer
    expect(t.records).toEqual([
      {
        kind: 'ringOutcome',
        callId: 'c1',
        atWall: t.clock.wallNow(), // stamped on the injected clock when the outcome was decided: now
        outcome: { outcome: 'missed', rings: 6, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false },
      },
    ]);
    await settle();
    const notice = { kind: 'missedCall', callId: 'c1', number: caller, rings: 6, setNotReady: true };
    expect(t.states).toEqual([{ kind: 'notReady', reason: 'missed' }]);
    expect(t.publishedOf('onClockNotice')).toEqual([{ at: 30_000, payload: notice }]);
    expect(t.log).toEqual(['giveUpRinging c1 @30000', 'agentState notReady/missed', `notice ${JSON.stringify(notice)}`]);
    expect(t.publishedOf('onRingCount')).toHaveLength(6); // no ring 7

    // The softphone then ends the call (480 sent): no second outcome, and no wrap-up for a call never answered.
    t.phone.end('c1', 'unanswered', 'system', 480);
    t.clock.advance(120_000);
    await settle();
    expect(t.records).toHaveLength(1);
    expect(t.wrapUpViews()).toEqual([]);
    expect(t.states).toHaveLength(1);
    expect(t.logger.errors).toEqual([]);
  });

  it('S-1: with missedSetsNotReady off, gives up ringing at 30 000 ms but leaves the agent state; the notice says so', async () => {
    const t = setUp({ missedAfterRings: 6, missedSetsNotReady: false });
    t.phone.ring('c1');
    t.advanceTo(29_999);
    expect(t.phone.giveUps).toEqual([]);
    t.advanceTo(30_000);
    await settle();
    expect(t.phone.giveUps).toEqual(['c1']);
    expect(t.states).toEqual([]);
    expect(t.publishedOf('onClockNotice')).toEqual([
      { at: 30_000, payload: { kind: 'missedCall', callId: 'c1', number: caller, rings: 6, setNotReady: false } },
    ]);
  });

  it('S-1: when giving up ringing fails, the error is logged and the notice does not claim Not ready was set', async () => {
    const t = setUp({ missedAfterRings: 6 });
    t.phone.giveUpFailure = new Error('480 could not be sent');
    t.phone.ring('c1');
    t.advanceTo(30_000);
    await settle();
    expect(t.states).toEqual([]);
    expect(t.logger.errors).toEqual([
      { message: 'Ring-no-answer handling failed', details: { callId: 'c1', error: 'Error: 480 could not be sent' } },
    ]);
    expect(t.publishedOf('onClockNotice').map((n) => n.payload.setNotReady)).toEqual([false]);
  });
});

describe('CallClocksService guided hold (S-2)', () => {
  it('S-2: the steps in order, then holdWithPromise(30 000) holds through the phone and starts the hold timer', async () => {
    const t = setUp();
    answeredCall(t, 'c1');
    const idle = { callId: 'c1', phase: 'idle', step: null, promisedMs: null, elapsedMs: null, checkInsDue: 0, checkInPending: false, thankCaller: false };
    const guiding = (step: string) => ({ ...idle, phase: 'guiding', step });

    expect(t.service.startHoldSteps('c1')).toEqual(guiding('askPermission'));
    expect(t.service.nextHoldStep('c1')).toEqual(guiding('waitForAnswer'));
    expect(t.service.nextHoldStep('c1')).toEqual(guiding('giveReason'));
    expect(t.service.nextHoldStep('c1')).toEqual(guiding('giveExpectedTime'));
    expect(t.phone.holdCalls).toEqual([]); // S-2: nothing is held while the steps are being walked

    t.clock.advance(2_000);
    const onHold = { ...idle, phase: 'onHold', promisedMs: 30_000, elapsedMs: 0 };
    expect(await t.service.holdWithPromise('c1', 30_000)).toEqual(onHold);
    expect(t.phone.holdCalls).toEqual(['c1']);
    expect(distinct(t.holdViews())).toEqual([
      guiding('askPermission'),
      guiding('waitForAnswer'),
      guiding('giveReason'),
      guiding('giveExpectedTime'),
      onHold,
    ]);
    t.clock.advance(12_000);
    expect(t.service.state().holds).toEqual([{ ...onHold, elapsedMs: 12_000 }]);
    expect(t.records.map((r) => r.kind)).toEqual(['ringOutcome']); // nothing recorded until the hold ends
  });

  it('S-2: check-ins are due at exactly 30 000 and 75 000 ms of hold (promise 30 s, interval 45 s), not 1 ms before', async () => {
    const t = setUp();
    answeredCall(t, 'c1');
    const start = await holdWithSteps(t, 'c1', 30_000);
    const checkIns = () => t.recordsOf('holdCheckIn');

    t.clock.advance(29_999);
    expect(checkIns()).toEqual([]);
    t.clock.advance(1);
    expect(checkIns()).toEqual([
      {
        kind: 'holdCheckIn',
        callId: 'c1',
        checkIn: { index: 0, dueAtElapsedMs: 30_000, dueAtMonotonic: start.monotonic + 30_000, callerUpdatedAtElapsedMs: null },
        atWall: start.wall + 30_000,
        atMonotonic: start.monotonic + 30_000,
      },
    ]);
    expect(t.holdViews().at(-1)).toMatchObject({ phase: 'onHold', elapsedMs: 30_000, checkInsDue: 1, checkInPending: true });

    t.clock.advance(44_999);
    expect(checkIns()).toHaveLength(1);
    t.clock.advance(1);
    expect(checkIns()[1]).toEqual({
      kind: 'holdCheckIn',
      callId: 'c1',
      checkIn: { index: 1, dueAtElapsedMs: 75_000, dueAtMonotonic: start.monotonic + 75_000, callerUpdatedAtElapsedMs: null },
      atWall: start.wall + 75_000,
      atMonotonic: start.monotonic + 75_000,
    });
    expect(t.holdViews().at(-1)).toMatchObject({ elapsedMs: 75_000, checkInsDue: 2, checkInPending: true });
  });

  it('S-2: callerUpdatedOnHold clears checkInPending until the next check-in; before any check-in it is a CONFLICT', async () => {
    const t = setUp();
    answeredCall(t, 'c1');
    await holdWithSteps(t, 'c1', 30_000);
    t.clock.advance(10_000);
    await expectContractError(() => t.service.callerUpdatedOnHold('c1'), 'CONFLICT');

    t.clock.advance(20_000); // check-in 0 at 30 000
    expect(t.service.state().holds[0]).toMatchObject({ checkInsDue: 1, checkInPending: true });
    t.clock.advance(5_000);
    const updated = t.service.callerUpdatedOnHold('c1');
    expect(updated).toMatchObject({ phase: 'onHold', elapsedMs: 35_000, checkInsDue: 1, checkInPending: false });
    expect(t.holdViews().at(-1)).toEqual(updated);

    t.clock.advance(40_000); // check-in 1 at 75 000
    expect(t.holdViews().at(-1)).toMatchObject({ elapsedMs: 75_000, checkInsDue: 2, checkInPending: true });
  });

  it('S-2: a resumed event records the hold segment and prompts the agent to thank the caller', async () => {
    const t = setUp();
    answeredCall(t, 'c1');
    const start = await holdWithSteps(t, 'c1', 30_000);
    t.clock.advance(35_000);
    t.service.callerUpdatedOnHold('c1');
    t.clock.advance(45_000); // 80 000 ms on hold: check-in 1 (75 000) was not answered
    t.phone.resume('c1');

    expect(t.recordsOf('holdSegment')).toEqual([
      {
        kind: 'holdSegment',
        callId: 'c1',
        segment: {
          startedAtMonotonic: start.monotonic,
          endedAtMonotonic: start.monotonic + 80_000,
          startedAtWall: start.wall,
          endedAtWall: start.wall + 80_000,
          durationMs: 80_000,
          promisedMs: 30_000,
          overPromiseMs: 50_000,
          checkIns: [
            { index: 0, dueAtElapsedMs: 30_000, dueAtMonotonic: start.monotonic + 30_000, callerUpdatedAtElapsedMs: 35_000 },
            { index: 1, dueAtElapsedMs: 75_000, dueAtMonotonic: start.monotonic + 75_000, callerUpdatedAtElapsedMs: null },
          ],
          endedBy: 'resumed',
        },
      },
    ]);
    const thank = { callId: 'c1', phase: 'idle', step: null, promisedMs: null, elapsedMs: null, checkInsDue: 0, checkInPending: false, thankCaller: true };
    expect(t.holdViews().at(-1)).toEqual(thank);
    expect(t.service.state().holds).toEqual([thank]);
    expect(t.clock.pendingTimerCount()).toBe(0); // no check-in after the caller is back
    // Pressing Hold again starts over and drops the prompt.
    expect(t.service.startHoldSteps('c1')).toMatchObject({ phase: 'guiding', step: 'askPermission', thankCaller: false });
  });

  it('S-2: the call ending on hold closes the segment as callEnded, then wrap-up starts', async () => {
    const t = setUp();
    answeredCall(t, 'c1');
    const start = await holdWithSteps(t, 'c1', 60_000);
    t.clock.advance(20_000);
    t.phone.end('c1', 'completed', 'remote');
    expect(t.records.map((r) => r.kind)).toEqual(['ringOutcome', 'holdSegment']);
    expect(t.recordsOf('holdSegment')[0]?.segment).toMatchObject({ startedAtMonotonic: start.monotonic, durationMs: 20_000, overPromiseMs: 0, checkIns: [], endedBy: 'callEnded' });
    expect(t.wrapUpViews()).toHaveLength(1);
    expect(t.service.state().holds).toEqual([]);
  });

  it('S-2: holdWithPromise before the hold steps are opened is a CONFLICT and holds nothing', async () => {
    const t = setUp();
    answeredCall(t, 'c1');
    await expectContractError(() => t.service.holdWithPromise('c1', 30_000), 'CONFLICT');
    expect(t.phone.holdCalls).toEqual([]);
    expect(t.service.state().holds).toMatchObject([{ phase: 'idle' }]);
    expect(t.clock.pendingTimerCount()).toBe(0);
  });

  it('S-2: holdWithPromise before the expected time was given is a CONFLICT and must not hold the call', async () => {
    const t = setUp();
    answeredCall(t, 'c1');
    t.service.startHoldSteps('c1');
    t.service.nextHoldStep('c1'); // waitForAnswer: the caller has not even said they can wait
    await expectContractError(() => t.service.holdWithPromise('c1', 30_000), 'CONFLICT');
    expect(t.phone.holdCalls).toEqual([]);
  });

  it('S-2: nextHoldStep after the last step is a CONFLICT and the guide stays at the expected time', async () => {
    const t = setUp();
    answeredCall(t, 'c1');
    t.service.startHoldSteps('c1');
    t.service.nextHoldStep('c1');
    t.service.nextHoldStep('c1');
    t.service.nextHoldStep('c1');
    await expectContractError(() => t.service.nextHoldStep('c1'), 'CONFLICT');
    expect(t.service.state().holds).toMatchObject([{ phase: 'guiding', step: 'giveExpectedTime' }]);
    await expectContractError(() => t.service.startHoldSteps('c1'), 'CONFLICT'); // already open
    expect(t.phone.holdCalls).toEqual([]);
  });

  it('hold commands for a call that is not in progress are NOT_FOUND', async () => {
    const t = setUp();
    await expectContractError(() => t.service.startHoldSteps('nope'), 'NOT_FOUND');
    await expectContractError(() => t.service.holdWithPromise('nope', 30_000), 'NOT_FOUND');
    expect(t.phone.holdCalls).toEqual([]);
  });
});

describe('CallClocksService wrap-up', () => {
  /** Rings c1, answers at 4 s, hangs up after 20 s of talk; returns the hang-up stamp. */
  function hangUpAnswered(t: Setup, callId = 'c1'): Stamp {
    answeredCall(t, callId, 4_000);
    t.clock.advance(20_000);
    return t.phone.end(callId, 'completed', 'remote').at;
  }

  it('starts when an answered call ends, and at exactly 60 s sets Ready and records endedBy expired', async () => {
    const t = setUp();
    const end = hangUpAnswered(t);
    const running = { callId: 'c1', running: true, elapsedMs: 0, limitMs: 60_000, extended: false, after: { kind: 'ready' }, endedBy: null };
    expect(t.wrapUpViews()).toEqual([running]);
    expect(t.service.state().wrapUp).toEqual(running);

    t.clock.advance(59_999);
    await settle();
    expect(t.states).toEqual([]);
    expect(t.recordsOf('wrapUp')).toEqual([]);
    expect(t.service.state().wrapUp).toMatchObject({ running: true, elapsedMs: 59_999 });

    t.clock.advance(1);
    await settle();
    expect(t.states).toEqual([{ kind: 'ready' }]);
    expect(t.recordsOf('wrapUp')).toEqual([
      {
        kind: 'wrapUp',
        callId: 'c1',
        result: {
          nextState: 'ready',
          endedBy: 'expired',
          startedAtMonotonic: end.monotonic,
          endedAtMonotonic: end.monotonic + 60_000,
          durationMs: 60_000,
          limitMs: 60_000,
          extendedByMs: null,
        },
        atWall: end.wall + 60_000,
      },
    ]);
    expect(t.wrapUpViews().at(-1)).toEqual({ ...running, running: false, elapsedMs: 60_000, endedBy: 'expired' });
    expect(t.service.state().wrapUp).toBeNull();
    expect(t.clock.pendingTimerCount()).toBe(0);
    expect(t.logger.errors).toEqual([]);
  });

  it('uses the wrap-up limit from the settings', async () => {
    const t = setUp({ wrapUpLimitSec: 20 });
    hangUpAnswered(t);
    t.clock.advance(19_999);
    expect(t.states).toEqual([]);
    t.clock.advance(1);
    await settle();
    expect(t.states).toEqual([{ kind: 'ready' }]);
  });

  it('chooseAfterWrapUp(Not ready — break): the expiry puts the agent there', async () => {
    const t = setUp();
    hangUpAnswered(t);
    t.clock.advance(10_000);
    expect(t.service.chooseAfterWrapUp({ kind: 'notReady', reason: 'break' })).toMatchObject({ running: true, after: { kind: 'notReady', reason: 'break' } });
    t.clock.advance(50_000);
    await settle();
    expect(t.states).toEqual([{ kind: 'notReady', reason: 'break' }]);
    expect(t.recordsOf('wrapUp')[0]?.result).toMatchObject({ nextState: 'notReady', endedBy: 'expired', durationMs: 60_000 });
  });

  it('extendWrapUp(30) once moves the expiry to exactly 90 s; a second extension is a CONFLICT', async () => {
    const t = setUp();
    const end = hangUpAnswered(t);
    t.clock.advance(50_000);
    expect(t.service.extendWrapUp(30)).toMatchObject({ running: true, elapsedMs: 50_000, limitMs: 90_000, extended: true });
    await expectContractError(() => t.service.extendWrapUp(30), 'CONFLICT');
    expect(t.service.state().wrapUp).toMatchObject({ limitMs: 90_000, extended: true });

    t.clock.advance(39_999); // 89 999 ms
    await settle();
    expect(t.states).toEqual([]);
    t.clock.advance(1);
    await settle();
    expect(t.states).toEqual([{ kind: 'ready' }]);
    expect(t.recordsOf('wrapUp')[0]?.result).toEqual({
      nextState: 'ready',
      endedBy: 'expired',
      startedAtMonotonic: end.monotonic,
      endedAtMonotonic: end.monotonic + 90_000,
      durationMs: 90_000,
      limitMs: 90_000,
      extendedByMs: 30_000,
    });
    expect(t.wrapUpViews().at(-1)).toMatchObject({ running: false, elapsedMs: 90_000, limitMs: 90_000, extended: true, endedBy: 'expired' });
  });

  it('endWrapUp ends it early with endedBy agent, sets the chosen state, and nothing expires later', async () => {
    const t = setUp();
    const end = hangUpAnswered(t);
    t.clock.advance(25_000);
    const view = await t.service.endWrapUp();
    expect(view).toEqual({ callId: 'c1', running: false, elapsedMs: 25_000, limitMs: 60_000, extended: false, after: { kind: 'ready' }, endedBy: 'agent' });
    expect(t.states).toEqual([{ kind: 'ready' }]);
    expect(t.recordsOf('wrapUp')).toEqual([
      {
        kind: 'wrapUp',
        callId: 'c1',
        result: { nextState: 'ready', endedBy: 'agent', startedAtMonotonic: end.monotonic, endedAtMonotonic: end.monotonic + 25_000, durationMs: 25_000, limitMs: 60_000, extendedByMs: null },
        atWall: end.wall + 25_000,
      },
    ]);
    t.clock.advance(120_000);
    await settle();
    expect(t.states).toHaveLength(1);
    expect(t.recordsOf('wrapUp')).toHaveLength(1);
    await expectContractError(() => t.service.endWrapUp(), 'CONFLICT');
  });

  it('a new call answered during wrap-up ends it (endedBy agent) without changing the agent state', async () => {
    const t = setUp();
    const end = hangUpAnswered(t, 'c1');
    t.clock.advance(10_000);
    t.phone.ring('c2');
    t.clock.advance(2_000);
    t.phone.answer('c2');
    await settle();
    expect(t.records.slice(-2)).toEqual([
      {
        kind: 'ringOutcome',
        callId: 'c2',
        atWall: t.clock.wallNow(), // stamped on the injected clock when the outcome was decided: now
        outcome: { outcome: 'answered', rings: 1, timeToAnswerMs: 2_000, answeredWithinThreeRings: true, answeredBySecondRing: true },
      },
      {
        kind: 'wrapUp',
        callId: 'c1',
        result: { nextState: 'ready', endedBy: 'agent', startedAtMonotonic: end.monotonic, endedAtMonotonic: end.monotonic + 12_000, durationMs: 12_000, limitMs: 60_000, extendedByMs: null },
        atWall: end.wall + 12_000,
      },
    ]);
    expect(t.wrapUpViews().at(-1)).toMatchObject({ callId: 'c1', running: false, elapsedMs: 12_000, endedBy: 'agent' });
    expect(t.service.state().wrapUp).toBeNull();
    t.clock.advance(120_000);
    await settle();
    expect(t.states).toEqual([]); // the agent is talking: no Ready, no Not ready
    await expectContractError(() => t.service.endWrapUp(), 'CONFLICT');

    // c2's own wrap-up starts when it ends.
    t.phone.end('c2', 'completed', 'local');
    expect(t.service.state().wrapUp).toMatchObject({ callId: 'c2', running: true, elapsedMs: 0 });
  });

  it('no wrap-up after a call that was never answered; wrap-up commands are then a CONFLICT', async () => {
    const t = setUp();
    t.phone.ring('c1');
    t.clock.advance(8_000);
    t.phone.end('c1', 'abandoned', 'remote');
    t.clock.advance(120_000);
    await settle();
    expect(t.wrapUpViews()).toEqual([]);
    expect(t.states).toEqual([]);
    await expectContractError(() => t.service.endWrapUp(), 'CONFLICT');
    await expectContractError(() => t.service.extendWrapUp(30), 'CONFLICT');
    await expectContractError(() => t.service.chooseAfterWrapUp({ kind: 'ready' }), 'CONFLICT');
  });

  it('no wrap-up while another call is still live; it starts when the last answered call ends', () => {
    const t = setUp();
    answeredCall(t, 'c1');
    t.clock.advance(5_000);
    t.phone.ring('c2'); // call waiting
    t.clock.advance(3_000);
    t.phone.end('c1', 'completed', 'remote');
    expect(t.wrapUpViews()).toEqual([]);
    t.phone.answer('c2');
    t.clock.advance(30_000);
    t.phone.end('c2', 'completed', 'remote');
    expect(t.wrapUpViews()).toEqual([{ callId: 'c2', running: true, elapsedMs: 0, limitMs: 60_000, extended: false, after: { kind: 'ready' }, endedBy: null }]);
  });

  it('an answered call still gets its wrap-up when the waiting call that outlived it is abandoned', () => {
    const t = setUp();
    answeredCall(t, 'c1');
    t.clock.advance(5_000);
    t.phone.ring('c2');
    t.clock.advance(3_000);
    t.phone.end('c1', 'completed', 'remote');
    t.clock.advance(2_000);
    t.phone.end('c2', 'abandoned', 'remote');
    expect(t.service.state().wrapUp).toMatchObject({ callId: 'c1', running: true });
  });
});

describe('CallClocksService close', () => {
  it('stops every timer and listens to no more call events', () => {
    const t = setUp();
    answeredCall(t, 'c1');
    t.phone.ring('c2');
    t.service.close();
    expect(t.clock.pendingTimerCount()).toBe(0);
    t.clock.advance(60_000);
    t.phone.end('c1', 'completed', 'remote');
    expect(t.publishedOf('onRingCount')).toHaveLength(2); // ring 1 of each call, nothing after close
    expect(t.wrapUpViews()).toEqual([]);
  });
});
