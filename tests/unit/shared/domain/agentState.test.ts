// Agent state: transitions and durations on the injected clock.
import { describe, expect, it } from 'vitest';
import { AgentStateTracker } from '../../../../shared/domain/agentState';
import { FakeClock } from '../../../support/fakeClock';

describe('AgentStateTracker', () => {
  it('starts Offline and measures elapsed time on the monotonic clock, not the wall clock', () => {
    const clock = new FakeClock();
    const tracker = new AgentStateTracker(clock, null);
    expect(tracker.current()).toEqual({ kind: 'offline' });
    clock.advance(1_500);
    clock.jumpWall(-3_600_000); // a wall-clock correction must not change durations
    expect(tracker.view().elapsedMs).toBe(1_500);
  });

  it('keeps the running timer when the same state is chosen again', () => {
    const clock = new FakeClock();
    const tracker = new AgentStateTracker(clock, null);
    tracker.transition({ kind: 'ready' });
    clock.advance(10_000);
    expect(tracker.transition({ kind: 'ready' })).toBeNull();
    expect(tracker.view().elapsedMs).toBe(10_000);
  });

  it('reports the finished segment and restarts the timer on a change', () => {
    const clock = new FakeClock();
    const tracker = new AgentStateTracker(clock, null);
    tracker.transition({ kind: 'ready' });
    clock.advance(42_000);
    const finished = tracker.transition({ kind: 'notReady', reason: 'break' });
    expect(finished).toEqual({ previous: { kind: 'ready' }, durationMs: 42_000 });
    expect(tracker.view()).toMatchObject({ state: { kind: 'notReady', reason: 'break' }, elapsedMs: 0 });
  });

  it('restores a stored state with its age from wall time, then counts monotonically', () => {
    const clock = new FakeClock({ wallStart: 1_000_000 });
    const tracker = new AgentStateTracker(clock, { state: { kind: 'notReady', reason: 'lunch' }, sinceWall: 1_000_000 - 60_000 });
    expect(tracker.view().elapsedMs).toBe(60_000);
    clock.advance(5_000);
    expect(tracker.view().elapsedMs).toBe(65_000);
  });
});
