// Growing delay after repeated failed sign-ins (issue 13), on a fake clock.
import { describe, expect, it } from 'vitest';
import { delayAfter, maxDelayMs, SignInThrottle } from '../../../../../electron/core/identity/signInThrottle';
import { FakeClock } from '../../../../support/fakeClock';

describe('SignInThrottle', () => {
  it('lets two failures pass, then waits 1 s, 2 s, 4 s … up to 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6].map(delayAfter)).toEqual([0, 0, 1000, 2000, 4000, 8000]);
    expect(delayAfter(30)).toBe(maxDelayMs);
  });

  it('counts per name, case-insensitively, on the injected clock, and forgets after a success', () => {
    const clock = new FakeClock();
    const throttle = new SignInThrottle(clock);
    for (let i = 0; i < 3; i++) throttle.failed('Li');
    expect(throttle.waitMs('li')).toBe(1000);
    expect(throttle.waitMs('wang')).toBe(0);
    clock.advance(999);
    expect(throttle.waitMs('LI')).toBe(1);
    clock.advance(1);
    expect(throttle.waitMs('li')).toBe(0);
    expect(throttle.failed('li')).toBe(2000);
    throttle.succeeded('li');
    expect(throttle.waitMs('li')).toBe(0);
    expect(throttle.failed('li')).toBe(0);
  });
});
