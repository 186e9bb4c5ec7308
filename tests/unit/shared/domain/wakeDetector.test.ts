// The wake-from-sleep detector: the wall clock running ahead of the monotonic clock means the
// machine slept; the softphone then reconnects at once.
import { describe, expect, it } from 'vitest';
import { WakeDetector } from '../../../../shared/domain/wakeDetector';
import { FakeClock } from '../../../support/fakeClock';

function setUp() {
  const clock = new FakeClock();
  const wakes: number[] = [];
  const detector = new WakeDetector(clock, (slept) => wakes.push(slept), { checkEveryMs: 5_000, thresholdMs: 10_000 });
  detector.start();
  return { clock, wakes, detector };
}

describe('WakeDetector', () => {
  it('stays quiet while both clocks run together', () => {
    const { clock, wakes } = setUp();
    clock.advance(60_000);
    expect(wakes).toEqual([]);
  });

  it('reports a sleep of at least the threshold at the next check, once', () => {
    const { clock, wakes } = setUp();
    clock.advance(2_000);
    clock.jumpWall(45_000); // asleep for 45 s: the monotonic clock did not move
    clock.advance(3_000); // the check at 5 s
    expect(wakes).toEqual([45_000]);
    clock.advance(20_000);
    expect(wakes).toEqual([45_000]);
  });

  it('ignores a gap under the threshold and a wall clock stepped back', () => {
    const { clock, wakes } = setUp();
    clock.jumpWall(9_999);
    clock.advance(5_000);
    clock.jumpWall(-3_600_000);
    clock.advance(5_000);
    expect(wakes).toEqual([]);
  });

  it('stops checking when stopped', () => {
    const { clock, wakes, detector } = setUp();
    detector.stop();
    clock.jumpWall(60_000);
    clock.advance(10_000);
    expect(wakes).toEqual([]);
    expect(clock.pendingTimerCount()).toBe(0);
  });
});
