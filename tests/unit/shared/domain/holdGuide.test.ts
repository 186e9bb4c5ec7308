// Guided hold (S-2) on a fake clock: the steps in order, check-ins at exact times, the segment records.
import { describe, expect, it } from 'vitest';
import { HoldGuide, HoldGuideRefused, holdSteps, promisedHoldPresetsMs, type HoldGuideOptions } from '../../../../shared/domain/holdGuide';
import { FakeClock } from '../../../support/fakeClock';

// The call's clock starts at monotonic 5 000 so "elapsed on hold" and "monotonic" cannot be confused.
const T0 = 5_000;

function setUp(options: HoldGuideOptions = {}) {
  const clock = new FakeClock({ monotonicStart: T0 });
  const guide = new HoldGuide(clock, options);
  const log: string[] = [];
  guide.onStep((step) => log.push(`step ${step}`));
  guide.onCheckInDue((index, atElapsedMs) => log.push(`check-in ${index} due at ${atElapsedMs} (now ${clock.monotonicNow()})`));
  guide.onThankCallerForWaiting((segment) => log.push(`thank the caller after ${segment.durationMs}`));
  return { clock, guide, log };
}

/** Walk the S-2 steps up to the expected time and put the caller on hold. */
function holdFor(guide: HoldGuide, promisedMs: number): void {
  guide.begin();
  guide.nextStep();
  guide.nextStep();
  guide.nextStep();
  guide.startHold(promisedMs);
}

describe('HoldGuide steps (S-2)', () => {
  it('S-2: goes ask permission → wait for the answer → give the reason → give the expected time', () => {
    const { guide, log } = setUp();
    expect(guide.phase()).toEqual({ kind: 'idle' });
    guide.begin();
    expect(guide.nextStep()).toBe('waitForAnswer');
    expect(guide.nextStep()).toBe('giveReason');
    expect(guide.nextStep()).toBe('giveExpectedTime');
    expect(log).toEqual(['step askPermission', 'step waitForAnswer', 'step giveReason', 'step giveExpectedTime']);
    expect(holdSteps).toEqual(['askPermission', 'waitForAnswer', 'giveReason', 'giveExpectedTime']);
    expect(guide.phase()).toEqual({ kind: 'guiding', step: 'giveExpectedTime' });
    expect(() => guide.nextStep()).toThrow('last step');
  });

  it('S-2: refuses to hold before the expected time is given', () => {
    const { guide } = setUp();
    expect(() => guide.startHold(60_000)).toThrow(HoldGuideRefused);
    guide.begin();
    guide.nextStep();
    expect(() => guide.startHold(60_000)).toThrow('the current step is waitForAnswer');
    expect(guide.phase()).toEqual({ kind: 'guiding', step: 'waitForAnswer' });
  });

  it('S-2: the caller declining to wait closes the steps and records no segment', () => {
    const { clock, guide } = setUp();
    guide.begin();
    guide.nextStep();
    guide.cancel();
    expect(guide.phase()).toEqual({ kind: 'idle' });
    expect(guide.segments()).toEqual([]);
    expect(clock.pendingTimerCount()).toBe(0);
  });

  it('offers the promised times 30 s, 1 min and 2 min, and refuses a promise that is not a positive time', () => {
    expect(promisedHoldPresetsMs).toEqual([30_000, 60_000, 120_000]);
    const { guide } = setUp();
    guide.begin();
    guide.nextStep();
    guide.nextStep();
    guide.nextStep();
    expect(() => guide.startHold(0)).toThrow('positive number of milliseconds');
    expect(() => guide.startHold(Number.NaN)).toThrow('positive number of milliseconds');
    expect(guide.phase()).toEqual({ kind: 'guiding', step: 'giveExpectedTime' }); // nothing lost
  });
});

describe('HoldGuide timer and check-ins (S-2)', () => {
  it('S-2: promise 60 s, interval 45 s → check-ins exactly at 60 s, 105 s and 150 s of hold', () => {
    const { clock, guide, log } = setUp();
    holdFor(guide, 60_000);
    clock.advance(59_999);
    expect(log.filter((l) => l.startsWith('check-in'))).toEqual([]);
    clock.advance(1);
    clock.advance(44_999);
    expect(log.filter((l) => l.startsWith('check-in'))).toEqual(['check-in 0 due at 60000 (now 65000)']);
    clock.advance(1);
    clock.advance(45_000);
    expect(log.filter((l) => l.startsWith('check-in'))).toEqual([
      'check-in 0 due at 60000 (now 65000)',
      'check-in 1 due at 105000 (now 110000)',
      'check-in 2 due at 150000 (now 155000)',
    ]);
  });

  it('S-2: reports elapsed against promised while on hold', () => {
    const { clock, guide } = setUp();
    holdFor(guide, 30_000);
    clock.advance(12_000);
    expect(guide.status()).toEqual({ elapsedMs: 12_000, promisedMs: 30_000, remainingMs: 18_000, overPromiseMs: 0, checkInsDue: 0 });
    clock.advance(20_000);
    expect(guide.status()).toEqual({ elapsedMs: 32_000, promisedMs: 30_000, remainingMs: 0, overPromiseMs: 2_000, checkInsDue: 1 });
    expect(guide.phase()).toMatchObject({ kind: 'onHold', status: { elapsedMs: 32_000 } });
  });

  it('S-2: a custom promise of 90 s and interval of 20 s → check-ins at 90 s, 110 s, 130 s', () => {
    const { clock, guide, log } = setUp({ checkInIntervalMs: 20_000 });
    holdFor(guide, 90_000);
    clock.advance(130_000);
    expect(log.filter((l) => l.startsWith('check-in'))).toEqual([
      'check-in 0 due at 90000 (now 95000)',
      'check-in 1 due at 110000 (now 115000)',
      'check-in 2 due at 130000 (now 135000)',
    ]);
  });

  it('S-2: resume prompts "thank the caller for waiting" and records the segment with its check-ins', () => {
    const { clock, guide, log } = setUp();
    clock.advance(1_000); // hold starts 1 s into this test's clock: monotonic 6 000
    holdFor(guide, 60_000);
    clock.advance(70_000); // check-in 0 due at 60 s
    expect(guide.callerUpdated()).toEqual({ index: 0, dueAtElapsedMs: 60_000, dueAtMonotonic: 66_000, callerUpdatedAtElapsedMs: 70_000 });
    clock.advance(40_000); // 110 s: check-in 1 was due at 105 s, not answered
    const segment = guide.resume();
    expect(segment).toEqual({
      startedAtMonotonic: 6_000,
      endedAtMonotonic: 116_000,
      startedAtWall: Date.UTC(2026, 10, 23, 1, 0, 1),
      endedAtWall: Date.UTC(2026, 10, 23, 1, 1, 51),
      durationMs: 110_000,
      promisedMs: 60_000,
      overPromiseMs: 50_000,
      checkIns: [
        { index: 0, dueAtElapsedMs: 60_000, dueAtMonotonic: 66_000, callerUpdatedAtElapsedMs: 70_000 },
        { index: 1, dueAtElapsedMs: 105_000, dueAtMonotonic: 111_000, callerUpdatedAtElapsedMs: null },
      ],
      endedBy: 'resumed',
    });
    expect(log.at(-1)).toBe('thank the caller after 110000');
    expect(guide.phase()).toEqual({ kind: 'idle' });
    expect(clock.pendingTimerCount()).toBe(0);
    clock.advance(100_000);
    expect(log.filter((l) => l.startsWith('check-in'))).toHaveLength(2); // none after resume
  });

  it('S-2: a hold kept within its promise has no check-ins and nothing over the promise', () => {
    const { clock, guide } = setUp();
    holdFor(guide, 120_000);
    clock.advance(45_000);
    expect(guide.resume()).toMatchObject({ durationMs: 45_000, promisedMs: 120_000, overPromiseMs: 0, checkIns: [] });
  });

  it('records several hold segments per call, each with its own promise', () => {
    const { clock, guide } = setUp();
    holdFor(guide, 30_000);
    clock.advance(20_000);
    guide.resume();
    clock.advance(60_000); // talking again
    holdFor(guide, 60_000);
    clock.advance(61_000);
    guide.resume();
    expect(guide.segments().map((s) => [s.startedAtMonotonic, s.endedAtMonotonic, s.promisedMs, s.checkIns.length])).toEqual([
      [5_000, 25_000, 30_000, 0],
      [85_000, 146_000, 60_000, 1],
    ]);
  });

  it('the call ending on hold closes the segment without a thank-you prompt', () => {
    const { clock, guide, log } = setUp();
    holdFor(guide, 30_000);
    clock.advance(40_000);
    expect(guide.callEnded()).toMatchObject({ durationMs: 40_000, endedBy: 'callEnded', checkIns: [{ index: 0, dueAtElapsedMs: 30_000 }] });
    expect(log.some((l) => l.startsWith('thank'))).toBe(false);
    expect(clock.pendingTimerCount()).toBe(0);
    expect(guide.callEnded()).toBeNull();
  });

  it('refuses resume and caller updates when not on hold, and a second hold while on hold', () => {
    const { guide } = setUp();
    expect(() => guide.resume()).toThrow('not on hold');
    holdFor(guide, 30_000);
    expect(() => guide.callerUpdated()).toThrow('No check-in is due yet');
    expect(() => guide.begin()).toThrow('already on hold');
    expect(() => guide.cancel()).toThrow('resume instead');
  });

  it('refuses a check-in interval that is not a positive time', () => {
    expect(() => new HoldGuide(new FakeClock(), { checkInIntervalMs: 0 })).toThrow('checkInIntervalMs must be a positive');
  });

  it('a throwing check-in listener does not stop later check-ins; unsubscribed listeners hear nothing', () => {
    const clock = new FakeClock();
    const guide = new HoldGuide(clock);
    const heard: number[] = [];
    const stop = guide.onCheckInDue((index) => heard.push(index));
    guide.onCheckInDue(() => {
      throw new Error('broken view');
    });
    holdFor(guide, 30_000);
    expect(() => clock.advance(30_000)).toThrow('broken view');
    expect(heard).toEqual([0]);
    stop();
    expect(() => clock.advance(45_000)).toThrow('broken view');
    expect(heard).toEqual([0]);
    expect(guide.status()?.checkInsDue).toBe(2);
  });
});
