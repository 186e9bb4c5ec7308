// What the shell does when the window's renderer crashes or hangs (issue 21, S-1.1): reload it, force a
// hung one to crash first, and after a crash loop stop reloading and show the fallback call
// window. Pure (no electron import) so it is tested with the values Electron documents.
import { windowRestartReasons, type WindowRestartReason } from '../../shared/contract/shellNotices';

/**
 * `details.reason` of webContents 'render-process-gone' (docs/api/structures/
 * render-process-gone-details.md): the contract's restart reasons less our own two (`unresponsive`,
 * a hang we ended ourselves; `unknown`, a reason a newer Electron added).
 */
export type GoneReason = Exclude<WindowRestartReason, 'unresponsive' | 'unknown'>;
export const goneReasons = windowRestartReasons.filter((r): r is GoneReason => r !== 'unresponsive' && r !== 'unknown');
/** Why the window was restarted; `unknown` is a reason a newer Electron added (contract type). */
export type RestartCause = WindowRestartReason;

export type RendererEvent =
  /** 'render-process-gone' with its details (reason, exitCode). */
  | { kind: 'gone'; reason: string; exitCode: number }
  /** 'unresponsive': Chromium's hang monitor gave up on the page. */
  | { kind: 'unresponsive' }
  /** 'responsive': the hang ended by itself. */
  | { kind: 'responsive' }
  /** The timer a `waitForResponsive` action asked for ran out. */
  | { kind: 'graceOver' }
  /** 'did-finish-load': a page is back in the window. */
  | { kind: 'loaded' }
  /** 'before-quit': from here on a renderer going away is the app closing, not a crash. */
  | { kind: 'quitting' }
  /** The agent pressed "Reload Deskline" in the fallback window. */
  | { kind: 'reloadRequested' };

export type RecoveryAction =
  | { type: 'ignore' }
  /** Reload the window (the calls stay up in the main process). `cause` null: the agent asked. */
  | { type: 'reload'; cause: RestartCause | null }
  /** Give a hung page `ms` more to come back, then report `graceOver`. */
  | { type: 'waitForResponsive'; ms: number }
  /** webContents.forcefullyCrashRenderer() then reload() at once (a new process, per the docs). */
  | { type: 'forceCrashThenReload'; cause: 'unresponsive' }
  /** Crash loop: leave the window alone (kill a hung renderer) and show the fallback call window. */
  | { type: 'showFallbackWindow'; cause: RestartCause; killRenderer: boolean }
  /** The window loaded again after a crash loop: the fallback window has done its job. */
  | { type: 'closeFallbackWindow' };

export interface RecoveryPolicyOptions {
  /** Monotonic milliseconds (injected clock). */
  now(): number;
  /** Crashes (hangs included) within `loopWindowMs` that make a crash loop (issue 21: 3). */
  loopCount?: number;
  /** Issue 21: "3 in a minute". A crash exactly `loopWindowMs` after the first is not in it. */
  loopWindowMs?: number;
  /** How long a hung page may take to answer again before it is crashed and reloaded. */
  graceMs?: number;
}

type Phase =
  | { name: 'live' }
  | { name: 'hung'; since: number }
  /** forcefullyCrashRenderer() was called: its own 'render-process-gone' is expected once, soon. */
  | { name: 'forcing'; since: number }
  | { name: 'fallback' }
  | { name: 'quitting' };

export interface RendererRecoveryPolicy {
  decide(event: RendererEvent): RecoveryAction;
}

export function toRestartCause(reason: string): RestartCause {
  return (goneReasons as readonly string[]).includes(reason) ? (reason as GoneReason) : 'unknown';
}

export function createRendererRecoveryPolicy(options: RecoveryPolicyOptions): RendererRecoveryPolicy {
  const loopCount = options.loopCount ?? 3;
  const loopWindowMs = options.loopWindowMs ?? 60_000;
  const graceMs = options.graceMs ?? 5_000;
  /** How long our own kill's 'render-process-gone' may take; past it a crash is a crash again. */
  const forcedGoneMs = 5_000;
  let phase: Phase = { name: 'live' };
  let fallbackOpen = false;
  let crashes: number[] = [];

  /** Counts one crash; true when it completes a crash loop. */
  const countCrash = (): boolean => {
    const now = options.now();
    crashes = [...crashes.filter((at) => now - at < loopWindowMs), now];
    return crashes.length >= loopCount;
  };

  const restartOrFallback = (cause: RestartCause, hung: boolean): RecoveryAction => {
    if (countCrash()) {
      phase = { name: 'fallback' };
      fallbackOpen = true;
      return { type: 'showFallbackWindow', cause, killRenderer: hung };
    }
    if (hung) {
      phase = { name: 'forcing', since: options.now() };
      return { type: 'forceCrashThenReload', cause: 'unresponsive' };
    }
    phase = { name: 'live' };
    return { type: 'reload', cause };
  };

  return {
    decide(event) {
      if (phase.name === 'quitting') return { type: 'ignore' };
      // Never stuck waiting for an event that did not come: the window is live again.
      if (phase.name === 'forcing' && options.now() - phase.since >= forcedGoneMs) phase = { name: 'live' };
      switch (event.kind) {
        case 'quitting':
          phase = { name: 'quitting' };
          return { type: 'ignore' };
        case 'gone':
          // Our own forcefullyCrashRenderer() ('killed' or 'crashed', per the docs); reload() followed it.
          if (phase.name === 'forcing' && (event.reason === 'killed' || event.reason === 'crashed')) {
            phase = { name: 'live' };
            return { type: 'ignore' };
          }
          // The window is left dead on purpose until the agent asks for a reload.
          if (phase.name === 'fallback') return { type: 'ignore' };
          // Any other exit, clean-exit included, leaves a dead window while calls may ring.
          return restartOrFallback(toRestartCause(event.reason), false);
        case 'unresponsive':
          // Hung already (one wait is enough) or left dead on purpose; a freshly reloaded page may hang too.
          if (phase.name === 'hung' || phase.name === 'fallback') return { type: 'ignore' };
          phase = { name: 'hung', since: options.now() };
          return { type: 'waitForResponsive', ms: graceMs };
        case 'responsive':
          if (phase.name === 'hung') phase = { name: 'live' };
          return { type: 'ignore' };
        case 'graceOver':
          // A stale timer (the page came back, or hung again later) decides nothing.
          if (phase.name !== 'hung' || options.now() - phase.since < graceMs) return { type: 'ignore' };
          return restartOrFallback('unresponsive', true);
        case 'loaded':
          if (phase.name === 'fallback') return { type: 'ignore' };
          if (fallbackOpen) {
            fallbackOpen = false;
            return { type: 'closeFallbackWindow' };
          }
          return { type: 'ignore' };
        case 'reloadRequested':
          // The agent's reload starts a fresh count; the fallback window stays until the page loads.
          crashes = [];
          phase = { name: 'live' };
          return { type: 'reload', cause: null };
      }
    },
  };
}
