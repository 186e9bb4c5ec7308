// Issue 21: what the shell does when the window's renderer crashes or hangs, decided without
// Electron over the values Electron documents (RenderProcessGoneDetails.reason; 'unresponsive' /
// 'responsive'; forcefullyCrashRenderer() emitting 'render-process-gone' with killed or crashed).
import { describe, expect, it } from 'vitest';
import {
  createRendererRecoveryPolicy,
  goneReasons,
  toRestartCause,
  type RendererEvent,
} from '../../../../electron/main/rendererRecoveryPolicy';

function policyAt(start = 1_000_000) {
  let now = start;
  const policy = createRendererRecoveryPolicy({ now: () => now });
  return {
    decide: (event: RendererEvent) => policy.decide(event),
    advance: (ms: number) => {
      now += ms;
    },
  };
}
const crashed: RendererEvent = { kind: 'gone', reason: 'crashed', exitCode: 139 };

describe('renderer recovery policy: crashes', () => {
  it.each(goneReasons)('reloads the window after render-process-gone with reason %s', (reason) => {
    const p = policyAt();
    expect(p.decide({ kind: 'gone', reason, exitCode: reason === 'clean-exit' ? 0 : 1 })).toEqual({ type: 'reload', cause: reason });
  });

  it('names a reason a newer Electron added "unknown" and still reloads', () => {
    expect(toRestartCause('some-new-reason')).toBe('unknown');
    expect(policyAt().decide({ kind: 'gone', reason: 'some-new-reason', exitCode: 3 })).toEqual({ type: 'reload', cause: 'unknown' });
  });

  it('ignores a clean-exit (or any exit) once the app is quitting: that is not a crash', () => {
    const p = policyAt();
    expect(p.decide({ kind: 'quitting' })).toEqual({ type: 'ignore' });
    expect(p.decide({ kind: 'gone', reason: 'clean-exit', exitCode: 0 })).toEqual({ type: 'ignore' });
    expect(p.decide(crashed)).toEqual({ type: 'ignore' });
    expect(p.decide({ kind: 'unresponsive' })).toEqual({ type: 'ignore' });
  });
});

describe('renderer recovery policy: crash loop (3 within a minute)', () => {
  it('reloads twice, then shows the fallback window on the third crash inside 60 s', () => {
    const p = policyAt();
    expect(p.decide(crashed).type).toBe('reload');
    p.advance(30_000);
    expect(p.decide(crashed).type).toBe('reload');
    p.advance(29_999); // 59 999 ms after the first
    expect(p.decide(crashed)).toEqual({ type: 'showFallbackWindow', cause: 'crashed', killRenderer: false });
  });

  it('a third crash exactly 60 s after the first is not a loop: the first has left the minute', () => {
    const p = policyAt();
    p.decide(crashed);
    p.advance(30_000);
    p.decide(crashed);
    p.advance(30_000); // 60 000 ms after the first
    expect(p.decide(crashed).type).toBe('reload');
    p.advance(29_999); // the 2nd and 3rd are within a minute of this one
    expect(p.decide(crashed).type).toBe('showFallbackWindow');
  });

  it('crashes spread out never make a loop', () => {
    const p = policyAt();
    for (let i = 0; i < 10; i++) {
      expect(p.decide(crashed).type).toBe('reload');
      p.advance(30_001);
    }
  });

  it('in the fallback state the dead window is left alone until the agent asks to reload', () => {
    const p = policyAt();
    p.decide(crashed);
    p.decide(crashed);
    expect(p.decide(crashed).type).toBe('showFallbackWindow');
    expect(p.decide(crashed)).toEqual({ type: 'ignore' });
    expect(p.decide({ kind: 'unresponsive' })).toEqual({ type: 'ignore' });
    expect(p.decide({ kind: 'reloadRequested' })).toEqual({ type: 'reload', cause: null });
    // The fallback window stays until the page is back, then closes once.
    expect(p.decide({ kind: 'loaded' })).toEqual({ type: 'closeFallbackWindow' });
    expect(p.decide({ kind: 'loaded' })).toEqual({ type: 'ignore' });
  });

  it("the agent's reload starts a fresh count", () => {
    const p = policyAt();
    p.decide(crashed);
    p.decide(crashed);
    p.decide(crashed);
    p.decide({ kind: 'reloadRequested' });
    expect(p.decide(crashed).type).toBe('reload');
    expect(p.decide(crashed).type).toBe('reload');
    expect(p.decide(crashed).type).toBe('showFallbackWindow');
  });

  it('loading normally never closes a fallback window that was not opened', () => {
    expect(policyAt().decide({ kind: 'loaded' })).toEqual({ type: 'ignore' });
  });
});

describe('renderer recovery policy: hangs', () => {
  it('waits for responsive; a page that comes back within the grace period is not reloaded', () => {
    const p = policyAt();
    expect(p.decide({ kind: 'unresponsive' })).toEqual({ type: 'waitForResponsive', ms: 5_000 });
    p.advance(3_000);
    expect(p.decide({ kind: 'responsive' })).toEqual({ type: 'ignore' });
    p.advance(2_000);
    expect(p.decide({ kind: 'graceOver' })).toEqual({ type: 'ignore' });
  });

  it('a page still hung when the grace period ends is crashed and reloaded', () => {
    const p = policyAt();
    p.decide({ kind: 'unresponsive' });
    expect(p.decide({ kind: 'unresponsive' })).toEqual({ type: 'ignore' }); // repeated: one wait
    p.advance(5_000);
    expect(p.decide({ kind: 'graceOver' })).toEqual({ type: 'forceCrashThenReload', cause: 'unresponsive' });
    // forcefullyCrashRenderer() emits render-process-gone (killed or crashed): already handled.
    expect(p.decide({ kind: 'gone', reason: 'killed', exitCode: 15 })).toEqual({ type: 'ignore' });
    // The next, real crash counts again.
    expect(p.decide(crashed).type).toBe('reload');
  });

  it("only our kill's own render-process-gone is swallowed, and only for a few seconds", () => {
    const p = policyAt();
    p.decide({ kind: 'unresponsive' });
    p.advance(5_000);
    p.decide({ kind: 'graceOver' });
    // Not what forcefullyCrashRenderer() produces: a crash of its own, reloaded.
    expect(p.decide({ kind: 'gone', reason: 'oom', exitCode: 1 })).toEqual({ type: 'reload', cause: 'oom' });

    const q = policyAt();
    q.decide({ kind: 'unresponsive' });
    q.advance(5_000);
    q.decide({ kind: 'graceOver' });
    q.advance(5_000); // the kill's event never came (or came long ago): a crash now is real
    expect(q.decide(crashed)).toEqual({ type: 'reload', cause: 'crashed' });
  });

  it('the page reloaded after a hang may hang again and is waited for again', () => {
    const p = policyAt();
    p.decide({ kind: 'unresponsive' });
    p.advance(5_000);
    p.decide({ kind: 'graceOver' });
    p.advance(1_000);
    expect(p.decide({ kind: 'unresponsive' })).toEqual({ type: 'waitForResponsive', ms: 5_000 });
  });

  it('a stale grace timer from an earlier hang decides nothing about a newer one', () => {
    const p = policyAt();
    p.decide({ kind: 'unresponsive' });
    p.advance(1_000);
    p.decide({ kind: 'responsive' });
    p.advance(1_000);
    p.decide({ kind: 'unresponsive' }); // hung again at 2 s
    p.advance(3_000); // the first wait's timer would end now, 3 s into the second hang
    expect(p.decide({ kind: 'graceOver' })).toEqual({ type: 'ignore' });
    p.advance(2_000);
    expect(p.decide({ kind: 'graceOver' }).type).toBe('forceCrashThenReload');
  });

  it('a page that crashes on its own while we wait is reloaded once', () => {
    const p = policyAt();
    p.decide({ kind: 'unresponsive' });
    p.advance(1_000);
    expect(p.decide(crashed)).toEqual({ type: 'reload', cause: 'crashed' });
    p.advance(4_000);
    expect(p.decide({ kind: 'graceOver' })).toEqual({ type: 'ignore' });
  });

  it('hangs count toward the crash loop; the third one kills the renderer and shows the fallback', () => {
    const p = policyAt();
    p.decide(crashed);
    p.decide(crashed);
    p.decide({ kind: 'unresponsive' });
    p.advance(5_000);
    expect(p.decide({ kind: 'graceOver' })).toEqual({ type: 'showFallbackWindow', cause: 'unresponsive', killRenderer: true });
    // Our kill's own render-process-gone changes nothing.
    expect(p.decide({ kind: 'gone', reason: 'killed', exitCode: 9 })).toEqual({ type: 'ignore' });
  });
});
