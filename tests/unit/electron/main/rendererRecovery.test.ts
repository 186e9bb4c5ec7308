// Issue 21: the shell's wiring of the recovery policy, with a fake window whose webContents emits
// the events Electron documents and records what was done to it, and a fake clock.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../../electron/core/kernel/platformPorts';
import { bindRendererRecovery, type RecoverableWindow } from '../../../../electron/main/rendererRecovery';
import { FakeClock } from '../../../support/fakeClock';

function fakeWindow() {
  const done: string[] = [];
  const contents = Object.assign(new EventEmitter(), {
    reload: () => done.push('reload'),
    // Like Electron: the renderer goes, and 'render-process-gone' follows (reason killed).
    forcefullyCrashRenderer: () => {
      done.push('forcefullyCrashRenderer');
      queueMicrotask(() => contents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 }));
    },
  });
  const win = { isDestroyed: () => false, webContents: contents } as unknown as RecoverableWindow;
  return { win, contents, done };
}

function recordingLogger() {
  const lines: Array<{ level: string; message: string; details?: Record<string, unknown> }> = [];
  const logger: Logger = {
    info: (message, details) => lines.push({ level: 'info', message, details }),
    warn: (message, details) => lines.push({ level: 'warn', message, details }),
    error: (message, details) => lines.push({ level: 'error', message, details }),
  };
  return { logger, lines };
}

function setup() {
  const clock = new FakeClock();
  const { win, contents, done } = fakeWindow();
  const { logger, lines } = recordingLogger();
  const restarts: string[] = [];
  const recovery = bindRendererRecovery(win, {
    clock,
    logger,
    windowRestarted: (reason) => restarts.push(reason),
    showFallback: (cause) => done.push(`showFallback ${cause}`),
    closeFallback: () => done.push('closeFallback'),
  });
  const gone = (reason: string, exitCode: number) => contents.emit('render-process-gone', {}, { reason, exitCode });
  return { clock, contents, done, lines, restarts, recovery, gone };
}

describe('renderer recovery wiring (fake window)', () => {
  it('reloads a crashed window, tells the core, and logs the reason and exit code', () => {
    const s = setup();
    s.gone('oom', -536870904);
    expect(s.done).toEqual(['reload']);
    expect(s.restarts).toEqual(['oom']);
    expect(s.lines).toContainEqual({
      level: 'error',
      message: 'Window renderer process gone',
      details: { reason: 'oom', exitCode: -536870904, action: 'reload' },
    });
  });

  it('after unresponsive waits; responsive within the grace period means no reload', () => {
    const s = setup();
    s.contents.emit('unresponsive');
    s.clock.advance(4_000);
    s.contents.emit('responsive');
    s.clock.advance(10_000);
    expect(s.done).toEqual([]);
    expect(s.restarts).toEqual([]);
    expect(s.lines.map((l) => l.message)).toEqual(['Window renderer unresponsive', 'Window renderer responsive again']);
  });

  it('a page still hung after the grace period is crashed and reloaded once, its own kill not counted', async () => {
    const s = setup();
    s.contents.emit('unresponsive');
    s.clock.advance(5_000);
    expect(s.done).toEqual(['forcefullyCrashRenderer', 'reload']);
    expect(s.restarts).toEqual(['unresponsive']);
    await Promise.resolve(); // the fake's render-process-gone (killed)
    expect(s.done).toEqual(['forcefullyCrashRenderer', 'reload']);
    expect(s.lines.find((l) => l.details?.reason === 'killed')).toMatchObject({ level: 'info', details: { action: 'ignore' } });
  });

  it('a crash loop shows the fallback window instead of a fourth reload; the agent reload brings the window back', () => {
    const s = setup();
    s.gone('crashed', 11);
    s.clock.advance(10_000);
    s.gone('crashed', 11);
    s.clock.advance(10_000);
    s.gone('crashed', 11);
    expect(s.done).toEqual(['reload', 'reload', 'showFallback crashed']);
    s.recovery.reloadRequested();
    expect(s.done.at(-1)).toBe('reload');
    s.contents.emit('did-finish-load');
    expect(s.done.at(-1)).toBe('closeFallback');
    // Reloading at the agent's request is not a problem to report.
    expect(s.restarts).toEqual(['crashed', 'crashed']);
  });

  it('a clean-exit while quitting is logged as information, not reloaded, not reported', () => {
    const s = setup();
    s.recovery.quitting();
    s.gone('clean-exit', 0);
    expect(s.done).toEqual([]);
    expect(s.restarts).toEqual([]);
    expect(s.lines).toEqual([{ level: 'info', message: 'Window renderer process gone', details: { reason: 'clean-exit', exitCode: 0, action: 'ignore' } }]);
  });

  it('leaves no grace timer behind once the hang is resolved by a crash', () => {
    const s = setup();
    s.contents.emit('unresponsive');
    expect(s.clock.pendingTimerCount()).toBe(1);
    s.gone('crashed', 11);
    expect(s.clock.pendingTimerCount()).toBe(0);
    expect(s.done).toEqual(['reload']);
  });
});
