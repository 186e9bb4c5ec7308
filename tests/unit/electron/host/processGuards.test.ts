// Issue 12: the last-resort policy both hosts install. Errors before the ready line end the process;
// after it each is logged with its stack and survived, unless they come in a burst.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../../electron/core/kernel/platformPorts';
import { createLastResortPolicy, guardExitCodes, installProcessGuards } from '../../../../electron/host/processGuards';
import { FakeClock } from '../../../support/fakeClock';

class RecordingLogger implements Logger {
  readonly errors: Array<{ message: string; details?: Record<string, unknown> }> = [];
  info(): void {}
  warn(): void {}
  error(message: string, details?: Record<string, unknown>): void {
    this.errors.push({ message, details });
  }
}

describe('createLastResortPolicy', () => {
  it('exits with 1 for an error before the host is ready', () => {
    const policy = createLastResortPolicy({ clock: new FakeClock() });
    expect(policy.judge()).toEqual({ action: 'exit', code: guardExitCodes.startup, reason: 'the host had not finished starting' });
  });

  it('survives errors once ready, up to the burst limit within the window', () => {
    const clock = new FakeClock();
    const policy = createLastResortPolicy({ clock, burstLimit: 3, burstWindowMs: 60_000 });
    policy.markReady();
    for (let i = 0; i < 3; i++) {
      expect(policy.judge()).toEqual({ action: 'continue' });
      clock.advance(1_000);
    }
    expect(policy.judge()).toEqual({ action: 'exit', code: guardExitCodes.burst, reason: '4 unexpected errors within 60 s' });
  });

  it('forgets errors older than the window, so occasional errors never add up to an exit', () => {
    const clock = new FakeClock();
    const policy = createLastResortPolicy({ clock, burstLimit: 3, burstWindowMs: 60_000 });
    policy.markReady();
    for (let i = 0; i < 100; i++) {
      expect(policy.judge()).toEqual({ action: 'continue' });
      clock.advance(20_000); // three in any 60 s window, never four
    }
  });

  it('defaults to more than 10 errors within 60 s', () => {
    const clock = new FakeClock();
    const policy = createLastResortPolicy({ clock });
    policy.markReady();
    for (let i = 0; i < 10; i++) expect(policy.judge().action).toBe('continue');
    clock.advance(59_999);
    expect(policy.judge()).toMatchObject({ action: 'exit', code: 70 });
  });
});

describe('installProcessGuards', () => {
  function setUp(options: { burstLimit?: number } = {}) {
    const target = new EventEmitter();
    const logger = new RecordingLogger();
    const exits: number[] = [];
    const clock = new FakeClock();
    const guards = installProcessGuards({ logger, process: target, clock, exit: (code) => exits.push(code), ...options });
    return { target, logger, exits, guards, clock };
  }

  it('logs an uncaught exception with its stack and keeps running once ready', () => {
    const { target, logger, exits, guards } = setUp();
    guards.markReady();
    const error = new TypeError('cannot read properties of undefined');
    target.emit('uncaughtException', error);
    expect(exits).toEqual([]);
    expect(logger.errors).toHaveLength(1);
    expect(logger.errors[0]!.message).toBe('Unexpected uncaughtException: TypeError: cannot read properties of undefined; the host keeps running');
    expect(logger.errors[0]!.details).toMatchObject({ kind: 'uncaughtException' });
    expect(String(logger.errors[0]!.details!.error)).toContain(error.stack!.split('\n')[1]!.trim());
  });

  it('logs an unhandled rejection of a non-Error and keeps running once ready', () => {
    const { target, logger, exits, guards } = setUp();
    guards.markReady();
    target.emit('unhandledRejection', { code: 'E_SOMETHING', attempts: 3 });
    expect(exits).toEqual([]);
    expect(logger.errors[0]!.message).toBe('Unexpected unhandledRejection: a thrown object; the host keeps running');
    expect(logger.errors[0]!.details!.error).toBe("{ code: 'E_SOMETHING', attempts: 3 }");
  });

  it('exits with 1 for an error during start-up, saying why', () => {
    const { target, logger, exits } = setUp();
    target.emit('unhandledRejection', new Error('store half open'));
    expect(exits).toEqual([1]);
    expect(logger.errors[0]!.message).toBe('Unexpected unhandledRejection: Error: store half open; exiting with code 1: the host had not finished starting');
  });

  it('exits with 70 when errors come in a burst, after logging each', () => {
    const { target, logger, exits, guards } = setUp({ burstLimit: 2 });
    guards.markReady();
    for (let i = 0; i < 3; i++) target.emit('uncaughtException', new Error(`loop ${i}`));
    expect(exits).toEqual([70]);
    expect(logger.errors.map((e) => e.message.split('; ')[1])).toEqual(['the host keeps running', 'the host keeps running', 'exiting with code 70: 3 unexpected errors within 60 s']);
  });

  it('never throws when the logger itself fails (a throw there would end the process at once)', () => {
    const target = new EventEmitter();
    const exits: number[] = [];
    const broken: Logger = {
      info: () => undefined,
      warn: () => undefined,
      error: () => {
        throw new Error('EPIPE');
      },
    };
    const guards = installProcessGuards({ logger: broken, process: target, clock: new FakeClock(), exit: (code) => exits.push(code) });
    guards.markReady();
    expect(() => target.emit('uncaughtException', new Error('first'))).not.toThrow();
    expect(exits).toEqual([]);
  });

  it('uninstall removes both handlers', () => {
    const { target, guards } = setUp();
    expect(target.listenerCount('uncaughtException')).toBe(1);
    expect(target.listenerCount('unhandledRejection')).toBe(1);
    guards.uninstall();
    expect(target.listenerCount('uncaughtException')).toBe(0);
    expect(target.listenerCount('unhandledRejection')).toBe(0);
  });
});
