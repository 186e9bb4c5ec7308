// The last-resort handlers both hosts install: every error nothing else caught is logged with its
// stack, and the process (with every live call) keeps running where that is safe (issue 12).
import { inspect } from 'node:util';
import type { Clock } from '../../shared/domain/clock';
import type { Logger } from '../core/kernel/platformPorts';
import { systemClock } from '../core/kernel/systemClock';

export type UnexpectedErrorKind = 'uncaughtException' | 'unhandledRejection';

export type GuardVerdict = { action: 'continue' } | { action: 'exit'; code: number; reason: string };

/** Exit codes of a guarded host: 1 = failed to start; 70 (EX_SOFTWARE) = errors in a burst. */
export const guardExitCodes = { startup: 1, burst: 70 } as const;

export interface LastResortPolicyOptions {
  clock: Pick<Clock, 'monotonicNow'>;
  /** More unexpected errors than this within `burstWindowMs` end the process. */
  burstLimit?: number;
  burstWindowMs?: number;
}

export interface LastResortPolicy {
  /** The host printed its ready line: from now on errors are survived. */
  markReady(): void;
  /** Called once per unexpected error, in order. */
  judge(): GuardVerdict;
}

/**
 * When an unexpected error is survived and when it ends the process:
 * - Before the host is ready it exits (code 1). Nothing is live yet (no call, no ready line), the
 *   half-made state (a data-folder lock taken, a store half opened) is not worth keeping, and the
 *   user or test that started the host learns at once that it failed, instead of waiting on a
 *   host that never says ready.
 * - Once ready it keeps running. Node advises against resuming after an uncaught exception because
 *   the interrupted code may have left state half-changed; here that cost is one request, one event
 *   or one socket callback, while exiting drops every live call at once. The store's durability
 *   does not depend on the process surviving (journal + recovery), so resuming risks no data.
 * - More than `burstLimit` errors within `burstWindowMs` (default 10 in 60 s) end it (code 70):
 *   the same fault is firing in a loop (a timer, a stream retrying, or stderr itself broken, where
 *   each log line raises the next error); resuming would only spin and flood the log, and a restart
 *   (the store recovers from its journal) is the better outcome.
 */
export function createLastResortPolicy(options: LastResortPolicyOptions): LastResortPolicy {
  const burstLimit = options.burstLimit ?? 10;
  const burstWindowMs = options.burstWindowMs ?? 60_000;
  let ready = false;
  const recent: number[] = [];
  return {
    markReady: () => {
      ready = true;
    },
    judge: () => {
      if (!ready) return { action: 'exit', code: guardExitCodes.startup, reason: 'the host had not finished starting' };
      const now = options.clock.monotonicNow();
      recent.push(now);
      while (recent.length > 0 && recent[0]! <= now - burstWindowMs) recent.shift();
      if (recent.length > burstLimit) {
        return { action: 'exit', code: guardExitCodes.burst, reason: `${recent.length} unexpected errors within ${burstWindowMs / 1000} s` };
      }
      return { action: 'continue' };
    },
  };
}

/** The part of `process` the guards use; tests pass an EventEmitter. */
export interface GuardedProcess {
  on(event: UnexpectedErrorKind, listener: (error: unknown) => void): unknown;
  off(event: UnexpectedErrorKind, listener: (error: unknown) => void): unknown;
}

export interface ProcessGuardOptions {
  logger: Logger;
  process?: GuardedProcess;
  clock?: Pick<Clock, 'monotonicNow'>;
  exit?: (code: number) => void;
  burstLimit?: number;
  burstWindowMs?: number;
}

export interface ProcessGuards {
  markReady(): void;
  uninstall(): void;
}

/** Installs the last-resort handlers; call first thing in a host's entry, `markReady()` after its ready line. */
export function installProcessGuards(options: ProcessGuardOptions): ProcessGuards {
  const target = options.process ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const policy = createLastResortPolicy({
    clock: options.clock ?? systemClock,
    burstLimit: options.burstLimit,
    burstWindowMs: options.burstWindowMs,
  });
  const handler = (kind: UnexpectedErrorKind) => (error: unknown) => {
    const verdict = policy.judge();
    const outcome = verdict.action === 'continue' ? 'the host keeps running' : `exiting with code ${verdict.code}: ${verdict.reason}`;
    try {
      options.logger.error(`Unexpected ${kind}: ${headline(error)}; ${outcome}`, { kind, error: describe(error) });
    } catch {
      // The logger itself failed (e.g. stderr closed): nothing left to tell; a throw here would
      // make Node exit at once, so the verdict below decides alone.
    }
    if (verdict.action === 'exit') exit(verdict.code);
  };
  const onException = handler('uncaughtException');
  const onRejection = handler('unhandledRejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return {
    markReady: () => policy.markReady(),
    uninstall: () => {
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
    },
  };
}

function headline(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : `a thrown ${typeof error}`;
}

/** The stack (and cause and own properties) of an Error, or a bounded picture of anything else. */
function describe(error: unknown): string {
  try {
    return inspect(error, { depth: 4, breakLength: Infinity, maxStringLength: 10_000 });
  } catch {
    return headline(error);
  }
}
