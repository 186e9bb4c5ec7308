// The ring counter on a fake clock: exact ring events, the S-1.1 boundary, abandon, no answer.
import { describe, expect, it } from 'vitest';
import { RingCounter } from '../../../shared/domain/ringCounter';
import { FakeClock } from '../../support/fakeClock';

function setUp(missedAfterRings = 6) {
  const clock = new FakeClock({ monotonicStart: 1_000 });
  const log: string[] = [];
  const counter = new RingCounter(
    clock,
    { kind: 'china' },
    {
      onRing: (n) => log.push(`ring ${n} @${clock.monotonicNow() - 1_000}`),
      onLastRingWithinStandard: () => log.push('last within standard'),
      onStandardMissed: () => log.push('standard missed'),
      onNoAnswer: (o) => log.push(`no answer after ${o.rings} @${clock.monotonicNow() - 1_000}`),
    },
    { missedAfterRings },
  );
  return { clock, log, counter };
}

describe('RingCounter (S-1.1–S-1.3, 5 s cycle)', () => {
  it('fires each ring exactly at its boundary, flagging ring 3 and ring 4', () => {
    const { clock, log, counter } = setUp();
    counter.start();
    clock.advance(15_000);
    expect(log).toEqual(['ring 1 @0', 'ring 2 @5000', 'ring 3 @10000', 'last within standard', 'ring 4 @15000', 'standard missed']);
  });

  it('an answer at 14.999 s is ring 3, within the standard', () => {
    const { clock, counter } = setUp();
    counter.start();
    clock.advance(14_999);
    expect(counter.answer()).toEqual({ outcome: 'answered', rings: 3, timeToAnswerMs: 14_999, answeredWithinThreeRings: true, answeredBySecondRing: false });
  });

  it('an answer at 15.000 s is ring 4, the standard missed', () => {
    const { clock, counter } = setUp();
    counter.start();
    clock.advance(15_000);
    expect(counter.answer()).toEqual({ outcome: 'answered', rings: 4, timeToAnswerMs: 15_000, answeredWithinThreeRings: false, answeredBySecondRing: false });
  });

  it('an answer during ring 2 counts as by the second ring', () => {
    const { clock, counter } = setUp();
    counter.start();
    clock.advance(9_999);
    expect(counter.answer()).toMatchObject({ rings: 2, answeredBySecondRing: true, answeredWithinThreeRings: true });
  });

  it('a caller hanging up during ring 1 is abandoned at ring 1, and no more rings fire', () => {
    const { clock, log, counter } = setUp();
    counter.start();
    clock.advance(2_500);
    expect(counter.abandon()).toEqual({ outcome: 'abandoned', rings: 1, timeToAnswerMs: null, answeredWithinThreeRings: false, answeredBySecondRing: false });
    clock.advance(60_000);
    expect(log).toEqual(['ring 1 @0']);
    expect(clock.pendingTimerCount()).toBe(0);
  });

  it('after 6 unanswered rings reports no answer exactly at 30.000 s, with 6 rings reached', () => {
    const { clock, log, counter } = setUp(6);
    counter.start();
    clock.advance(29_999);
    expect(log.at(-1)).toBe('ring 6 @25000');
    clock.advance(1);
    expect(log.at(-1)).toBe('no answer after 6 @30000');
    expect(counter.answer()).toMatchObject({ outcome: 'missed', rings: 6 }); // too late: the outcome stands
  });

  it('reports the live ring count', () => {
    const { clock, counter } = setUp();
    expect(counter.currentRing()).toBe(0);
    counter.start();
    clock.advance(12_000);
    expect(counter.currentRing()).toBe(3);
  });
});
