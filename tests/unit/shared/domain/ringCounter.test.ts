// The ring counter on a fake clock: exact ring events, the S-1.1 boundary, abandon, no answer, no drift.
import { describe, expect, it } from 'vitest';
import type { Clock, TimerHandle } from '../../../../shared/domain/clock';
import type { RingCadence } from '../../../../shared/domain/ringCadence';
import { RingCounter, type RingCounterOptions } from '../../../../shared/domain/ringCounter';
import { FakeClock } from '../../../support/fakeClock';

type TestClock = Clock & { advance(ms: number): void; pendingTimerCount(): number };

// Alerting starts at monotonic 1 000 so a mix-up between "elapsed" and "monotonic" shows.
const T0 = 1_000;

function setUp(options: RingCounterOptions = {}, cadence: RingCadence = { kind: 'china' }, clock: TestClock = new FakeClock({ monotonicStart: T0 })) {
  const log: string[] = [];
  const counter = new RingCounter(clock, cadence, options);
  const at = () => clock.monotonicNow() - T0;
  counter.onRing((n) => log.push(`ring ${n} @${at()}`));
  counter.onLastRingWithinStandard(() => log.push(`last within standard @${at()}`));
  counter.onStandardMissed(() => log.push(`standard missed @${at()}`));
  counter.onNoAnswer((rings, outcome) => log.push(`no answer after ${rings} (${outcome.outcome}) @${at()}`));
  return { clock, log, counter };
}

/** A Clock whose timers fire `offsetMs` off their due time (late > 0, early < 0), as real timers do. */
class OffsetClock implements TestClock {
  readonly inner = new FakeClock({ monotonicStart: T0 });
  constructor(private readonly offsetMs: number) {}
  monotonicNow = () => this.inner.monotonicNow();
  wallNow = () => this.inner.wallNow();
  // Only delays above 1 ms are shifted early, as Node's ms rounding does; a re-arm for the rest is exact.
  setTimer = (callback: () => void, delayMs: number): TimerHandle =>
    this.inner.setTimer(callback, this.offsetMs > 0 || delayMs > 1 ? delayMs + this.offsetMs : delayMs);
  clearTimer = (handle: TimerHandle) => this.inner.clearTimer(handle);
  advance = (ms: number) => this.inner.advance(ms);
  pendingTimerCount = () => this.inner.pendingTimerCount();
}

describe('RingCounter (S-1.1–S-1.3, China 5 s cycle)', () => {
  it('S-1.3: fires each ring exactly at its boundary; S-1.1: flags ring 3 and ring 4', () => {
    const { clock, log, counter } = setUp();
    counter.start();
    expect(log).toEqual(['ring 1 @0']);
    clock.advance(14_999);
    expect(log).toEqual(['ring 1 @0', 'ring 2 @5000', 'ring 3 @10000', 'last within standard @10000']);
    clock.advance(1);
    expect(log.slice(4)).toEqual(['ring 4 @15000', 'standard missed @15000']);
  });

  it('S-1.1: an answer at 14.999 s is ring 3, within the standard', () => {
    const { clock, counter } = setUp();
    counter.start();
    clock.advance(14_999);
    expect(counter.answer()).toEqual({ outcome: 'answered', rings: 3, timeToAnswerMs: 14_999, answeredWithinThreeRings: true, answeredBySecondRing: false });
  });

  it('S-1.1: an answer at 15.000 s is ring 4, the standard missed', () => {
    const { clock, counter } = setUp();
    counter.start();
    clock.advance(15_000);
    expect(counter.answer()).toEqual({ outcome: 'answered', rings: 4, timeToAnswerMs: 15_000, answeredWithinThreeRings: false, answeredBySecondRing: false });
  });

  it('S-1.2: an answer at 9.999 s is by the second ring; at 10.000 s it is not', () => {
    const a = setUp();
    a.counter.start();
    a.clock.advance(9_999);
    expect(a.counter.answer()).toMatchObject({ rings: 2, answeredBySecondRing: true, answeredWithinThreeRings: true });
    const b = setUp();
    b.counter.start();
    b.clock.advance(10_000);
    expect(b.counter.answer()).toMatchObject({ rings: 3, answeredBySecondRing: false, answeredWithinThreeRings: true });
  });

  it('S-1.3: an answer at the first instant is ring 1 with 0 ms to answer', () => {
    const { counter } = setUp();
    counter.start();
    expect(counter.answer()).toEqual({ outcome: 'answered', rings: 1, timeToAnswerMs: 0, answeredWithinThreeRings: true, answeredBySecondRing: true });
  });

  it('S-1.3: a caller hanging up during ring 1 is abandoned at ring 1, and nothing fires afterwards', () => {
    const { clock, log, counter } = setUp();
    counter.start();
    clock.advance(2_500);
    expect(counter.abandon()).toEqual({ outcome: 'abandoned', rings: 1, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false });
    expect(clock.pendingTimerCount()).toBe(0);
    clock.advance(60_000);
    expect(log).toEqual(['ring 1 @0']);
  });

  it('S-1.3: an abandon at 12 s stores ring 3 reached', () => {
    const { clock, counter } = setUp();
    counter.start();
    clock.advance(12_000);
    expect(counter.abandon()).toMatchObject({ outcome: 'abandoned', rings: 3, timeToAnswerMs: null });
  });

  it('S-1 missed call: after 6 unanswered rings reports no answer exactly at 30.000 s, with 6 rings reached', () => {
    const { clock, log, counter } = setUp();
    counter.start();
    clock.advance(29_999);
    expect(log.at(-1)).toBe('ring 6 @25000');
    expect(counter.outcome()).toBeNull();
    clock.advance(1);
    expect(log.at(-1)).toBe('no answer after 6 (missed) @30000');
    expect(counter.outcome()).toEqual({ outcome: 'missed', rings: 6, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false });
    expect(clock.pendingTimerCount()).toBe(0);
    // An answer racing in after the no-answer: the first outcome stands.
    expect(counter.answer()).toMatchObject({ outcome: 'missed', rings: 6 });
    expect(log.filter((l) => l.startsWith('ring'))).toHaveLength(6);
  });

  it('S-1 missed call: missedAfterRings 4 reports no answer at 4 × 5 s = 20.000 s', () => {
    const { clock, log, counter } = setUp({ missedAfterRings: 4 });
    counter.start();
    clock.advance(19_999);
    expect(log.at(-1)).toBe('standard missed @15000');
    clock.advance(1);
    expect(log.at(-1)).toBe('no answer after 4 (missed) @20000');
  });

  it('stop() ends the count as missed with the rings reached and fires nothing, not even no-answer', () => {
    const { clock, log, counter } = setUp();
    counter.start();
    clock.advance(7_000);
    expect(counter.stop()).toEqual({ outcome: 'missed', rings: 2, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false });
    clock.advance(60_000);
    expect(log).toEqual(['ring 1 @0', 'ring 2 @5000']);
  });

  it('S-1.3: follows the UK cadence (3 s cycle: ring 4 and the missed standard at 9 s)', () => {
    const { clock, log, counter } = setUp({}, { kind: 'uk' });
    counter.start();
    clock.advance(9_000);
    expect(log).toEqual(['ring 1 @0', 'ring 2 @3000', 'ring 3 @6000', 'last within standard @6000', 'ring 4 @9000', 'standard missed @9000']);
    expect(counter.answer()).toMatchObject({ rings: 4, timeToAnswerMs: 9_000, answeredWithinThreeRings: false });
  });

  it('reports the live ring count', () => {
    const { clock, counter } = setUp();
    expect(counter.currentRing()).toBe(0);
    counter.start();
    clock.advance(12_000);
    expect(counter.currentRing()).toBe(3);
    counter.answer();
    clock.advance(10_000);
    expect(counter.currentRing()).toBe(3);
  });

  it('never drifts: on timers that always fire 7 ms late, ring 10 is still 7 ms late, not 9 × 7 ms', () => {
    const clock = new OffsetClock(7);
    const { log, counter } = setUp({ missedAfterRings: 10 }, { kind: 'china' }, clock);
    counter.start();
    clock.advance(45_007);
    // Ring n is armed for start + (n-1) × 5 s, so each fires 7 ms after its own boundary.
    expect(log.filter((l) => l.startsWith('ring')).slice(-3)).toEqual(['ring 8 @35007', 'ring 9 @40007', 'ring 10 @45007']);
  });

  it('never fires a ring before its boundary even on a timer that fires early', () => {
    const clock = new OffsetClock(-0.5);
    const { log, counter } = setUp({}, { kind: 'china' }, clock);
    counter.start();
    clock.advance(4_999.5);
    expect(log).toEqual(['ring 1 @0']); // the early tick at 4 999.5 re-arms instead of ringing
    clock.advance(0.5);
    expect(log).toEqual(['ring 1 @0', 'ring 2 @5000']);
  });

  it('unsubscribing stops a listener; a throwing listener neither silences the others nor stops the count', () => {
    const clock = new FakeClock({ monotonicStart: T0 });
    const counter = new RingCounter(clock);
    const heard: number[] = [];
    const flags: string[] = [];
    const stopHearing = counter.onRing((n) => heard.push(n));
    counter.onRing((n) => {
      if (n === 3) throw new Error('broken view');
    });
    counter.onLastRingWithinStandard(() => flags.push('last'));
    counter.start();
    expect(() => clock.advance(10_000)).toThrow('broken view');
    expect(heard).toEqual([1, 2, 3]);
    expect(flags).toEqual(['last']);
    stopHearing();
    clock.advance(5_000);
    expect(heard).toEqual([1, 2, 3]);
    expect(counter.currentRing()).toBe(4);
    expect(clock.pendingTimerCount()).toBe(1); // ring 5 is still armed
  });

  it('refuses bad settings and misuse with clear errors', () => {
    const clock = new FakeClock();
    expect(() => new RingCounter(clock, { kind: 'china' }, { missedAfterRings: 0 })).toThrow('at least 1');
    expect(() => new RingCounter(clock, { kind: 'china' }, { missedAfterRings: 2.5 })).toThrow('whole number');
    expect(() => new RingCounter(clock, { kind: 'custom', onMs: -1, offMs: 1_000 })).toThrow('onMs > 0');
    const counter = new RingCounter(clock);
    expect(() => counter.answer()).toThrow('has not started');
    counter.start();
    expect(() => counter.start()).toThrow('already started');
  });
});
