// Wires the window's renderer events to rendererRecoveryPolicy.ts and carries out its actions
// (issue 21): reload, crash-and-reload a hung page, or show the fallback call window; tells the
// core so the reloaded page can say so, and logs every crash and hang. Takes only the parts of a
// BrowserWindow it uses, so it is tested with a fake window.
import type { Logger } from '../core/kernel/platformPorts';
import type { Clock, TimerHandle } from '../../shared/domain/clock';
import type { WindowRestartReason } from '../../shared/contract/shellNotices';
import { createRendererRecoveryPolicy, type RecoveryAction, type RendererEvent, type RestartCause } from './rendererRecoveryPolicy';

/** The webContents events and methods recovery uses (Electron's names and argument shapes). */
export interface RecoverableContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'unresponsive' | 'responsive' | 'did-finish-load', listener: () => void): unknown;
  reload(): void;
  forcefullyCrashRenderer(): void;
}

export interface RecoverableWindow {
  isDestroyed(): boolean;
  webContents: RecoverableContents;
}

export interface RendererRecoveryDeps {
  clock: Clock;
  logger: Logger;
  /** The core's shell notices: the reloaded page tells the agent. */
  windowRestarted(reason: WindowRestartReason): void;
  showFallback(cause: RestartCause): void;
  closeFallback(): void;
  graceMs?: number;
}

export interface RendererRecovery {
  /** 'before-quit': renderers going away now are the app closing. */
  quitting(): void;
  /** The agent asked for the window back (fallback window's "Reload Deskline" or Answer). */
  reloadRequested(): void;
}

export function bindRendererRecovery(window: RecoverableWindow, deps: RendererRecoveryDeps): RendererRecovery {
  const policy = createRendererRecoveryPolicy({ now: () => deps.clock.monotonicNow(), graceMs: deps.graceMs });
  let graceTimer: TimerHandle | null = null;

  const carryOut = (action: RecoveryAction): void => {
    if (action.type !== 'ignore' && action.type !== 'waitForResponsive' && graceTimer) {
      deps.clock.clearTimer(graceTimer);
      graceTimer = null;
    }
    if (window.isDestroyed()) return;
    const contents = window.webContents;
    switch (action.type) {
      case 'ignore':
        return;
      case 'waitForResponsive':
        graceTimer = deps.clock.setTimer(() => {
          graceTimer = null;
          decide({ kind: 'graceOver' });
        }, action.ms);
        return;
      case 'reload':
        if (action.cause) {
          deps.windowRestarted(action.cause);
          deps.logger.warn('Reloading the window after its renderer went away', { reason: action.cause });
        }
        contents.reload();
        return;
      case 'forceCrashThenReload':
        deps.windowRestarted(action.cause);
        deps.logger.warn('The window stayed unresponsive; restarting its renderer');
        // Electron's docs: reload() right after forcefullyCrashRenderer() loads in a new process.
        contents.forcefullyCrashRenderer();
        contents.reload();
        return;
      case 'showFallbackWindow':
        deps.logger.error('The window keeps crashing; showing the fallback call window instead of reloading', { reason: action.cause });
        if (action.killRenderer) contents.forcefullyCrashRenderer();
        deps.showFallback(action.cause);
        return;
      case 'closeFallbackWindow':
        deps.logger.info('The window is back; closing the fallback call window');
        deps.closeFallback();
        return;
    }
  };
  const decide = (event: RendererEvent): void => carryOut(policy.decide(event));

  const contents = window.webContents;
  contents.on('render-process-gone', (_event, details) => {
    const action = policy.decide({ kind: 'gone', reason: details.reason, exitCode: details.exitCode });
    // A renderer leaving while the app quits (or that we crashed ourselves) is not a crash.
    const log = action.type === 'ignore' ? deps.logger.info : deps.logger.error;
    log.call(deps.logger, 'Window renderer process gone', { reason: details.reason, exitCode: details.exitCode, action: action.type });
    carryOut(action);
  });
  contents.on('unresponsive', () => {
    deps.logger.warn('Window renderer unresponsive');
    decide({ kind: 'unresponsive' });
  });
  contents.on('responsive', () => {
    deps.logger.info('Window renderer responsive again');
    decide({ kind: 'responsive' });
  });
  contents.on('did-finish-load', () => decide({ kind: 'loaded' }));

  return {
    quitting: () => decide({ kind: 'quitting' }),
    reloadRequested: () => decide({ kind: 'reloadRequested' }),
  };
}
