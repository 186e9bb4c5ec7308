// Wrap-up (after-call work) on a fake clock: expiry exactly at the limit, end early, one extension only.
import { describe, expect, it } from 'vitest';
import { WrapUpRefused, WrapUpTimer, defaultWrapUpLimitMs, type WrapUpResult } from '../../../../shared/domain/wrapUpTimer';
import { FakeClock } from '../../../support/fakeClock';

// Hang-up happens at monotonic 2 000.
const T0 = 2_000;

function setUp(limitMs?: number) {
  const clock = new FakeClock({ monotonicStart: T0 });
  const timer = new WrapUpTimer(clock, limitMs === undefined ? {} : { limitMs });
  const expired: Array<{ result: WrapUpResult; at: number }> = [];
  timer.onExpired((result) => expired.push({ result, at: clock.monotonicNow() - T0 }));
  return { clock, timer, expired };
}

describe('WrapUpTimer', () => {
  it('expires exactly at the default 60 s and sends the agent to Ready', () => {
    expect(defaultWrapUpLimitMs).toBe(60_000);
    const { clock, timer, expired } = setUp();
    timer.start();
    clock.advance(59_999);
    expect(expired).toEqual([]);
    expect(timer.status()).toEqual({ elapsedMs: 59_999, limitMs: 60_000, remainingMs: 1, extended: false, nextState: 'ready' });
    clock.advance(1);
    const result: WrapUpResult = { nextState: 'ready', endedBy: 'expired', startedAtMonotonic: 2_000, endedAtMonotonic: 62_000, durationMs: 60_000, limitMs: 60_000, extendedByMs: null };
    expect(expired).toEqual([{ result, at: 60_000 }]);
    expect(timer.result()).toEqual(result);
    expect(timer.status()).toBeNull();
    expect(clock.pendingTimerCount()).toBe(0);
  });

  it('sends the agent to Not ready when the agent chose it', () => {
    const { clock, timer, expired } = setUp();
    timer.start();
    clock.advance(10_000);
    timer.chooseNextState('notReady');
    clock.advance(50_000);
    expect(expired.map((e) => [e.result.nextState, e.at])).toEqual([['notReady', 60_000]]);
  });

  it('ends early with the agent\'s choice and never expires afterwards', () => {
    const { clock, timer, expired } = setUp();
    timer.start();
    clock.advance(25_000);
    expect(timer.endEarly()).toEqual({ nextState: 'ready', endedBy: 'agent', startedAtMonotonic: 2_000, endedAtMonotonic: 27_000, durationMs: 25_000, limitMs: 60_000, extendedByMs: null });
    clock.advance(60_000);
    expect(expired).toEqual([]);
    expect(() => timer.endEarly()).toThrow('already ended (ended by the agent)');
  });

  it('extends once: 60 s + 30 s expires exactly at 90 s, whenever the extension was asked for', () => {
    const { clock, timer, expired } = setUp();
    timer.start();
    clock.advance(50_000);
    expect(timer.extendOnce(30_000)).toEqual({ elapsedMs: 50_000, limitMs: 90_000, remainingMs: 40_000, extended: true, nextState: 'ready' });
    clock.advance(39_999);
    expect(expired).toEqual([]);
    clock.advance(1);
    expect(expired.map((e) => [e.at, e.result.limitMs, e.result.extendedByMs, e.result.durationMs])).toEqual([[90_000, 90_000, 30_000, 90_000]]);
  });

  it('refuses a second extension with a clear error and keeps the first one', () => {
    const { clock, timer, expired } = setUp();
    timer.start();
    timer.extendOnce(30_000);
    expect(() => timer.extendOnce(30_000)).toThrow(WrapUpRefused);
    expect(() => timer.extendOnce(10_000)).toThrow('Wrap-up can be extended only once; it was already extended by 30000 ms.');
    clock.advance(90_000);
    expect(expired.map((e) => e.at)).toEqual([90_000]);
  });

  it('uses the limit from settings', () => {
    const { clock, timer, expired } = setUp(120_000);
    timer.start();
    clock.advance(119_999);
    expect(expired).toEqual([]);
    clock.advance(1);
    expect(expired.map((e) => e.at)).toEqual([120_000]);
  });

  it('refuses bad limits and extensions, and commands outside a running wrap-up, changing nothing', () => {
    expect(() => new WrapUpTimer(new FakeClock(), { limitMs: 0 })).toThrow('The wrap-up limit must be a positive number');
    expect(() => new WrapUpTimer(new FakeClock(), { limitMs: Number.POSITIVE_INFINITY })).toThrow('positive number');
    const { clock, timer, expired } = setUp();
    expect(() => timer.endEarly()).toThrow('has not started');
    expect(() => timer.extendOnce(10_000)).toThrow('has not started');
    timer.start();
    expect(() => timer.start()).toThrow('already started');
    expect(() => timer.extendOnce(-5_000)).toThrow('The extension must be a positive number');
    expect(timer.status()?.extended).toBe(false); // the bad extension did not use up the one allowed
    clock.advance(60_000);
    expect(expired.map((e) => e.at)).toEqual([60_000]);
    expect(() => timer.extendOnce(10_000)).toThrow('already ended (the time ran out)');
    expect(() => timer.chooseNextState('notReady')).toThrow('already ended');
  });

  it('unsubscribed listeners are not told of the expiry', () => {
    const clock = new FakeClock();
    const timer = new WrapUpTimer(clock);
    let heard = 0;
    const stop = timer.onExpired(() => heard++);
    stop();
    timer.start();
    clock.advance(60_000);
    expect(heard).toBe(0);
    expect(timer.result()?.endedBy).toBe('expired');
  });
});
