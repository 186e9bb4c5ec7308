// Issue 21: the window-restart notice the Electron shell leaves for the reloaded page — the
// service alone, and through the core's contract as both hosts serve it.
import { describe, expect, it } from 'vitest';
import { createTestCore } from '../../../../support/core/testCore';
import type { CallerContext } from '../../../../../electron/core/kernel/caller';
import type { Logger, SettingsPort } from '../../../../../electron/core/kernel/platformPorts';
import { ShellNoticesService } from '../../../../../electron/core/shellNotices/shellNoticesService';
import { roles } from '../../../../../shared/contract/roles';
import { FakeClock } from '../../../../support/fakeClock';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

class MemorySettings implements SettingsPort {
  private readonly values = new Map<string, unknown>();
  get<T>(key: string, fallback: T): T {
    return this.values.has(key) ? (this.values.get(key) as T) : fallback;
  }
  set(key: string, value: unknown): void {
    this.values.set(key, value);
  }
}

describe('shell notices service', () => {
  it('has no notice until the shell reports a restart; then time, reason and whether calls are up now', () => {
    const clock = new FakeClock();
    let callsUp = true;
    const service = new ShellNoticesService({ clock, callsUp: () => callsUp });
    expect(service.notices()).toEqual({ windowRestarted: null });
    service.windowRestarted('crashed');
    const at = clock.wallNow();
    expect(service.notices()).toEqual({ windowRestarted: { atWall: at, reason: 'crashed', callsUp: true } });
    // Asked when read: the call ended before the page came back.
    callsUp = false;
    expect(service.notices().windowRestarted?.callsUp).toBe(false);
  });

  it('keeps the latest restart, and a dismissed notice is gone for the next page too', () => {
    const clock = new FakeClock();
    const service = new ShellNoticesService({ clock, callsUp: () => false });
    service.windowRestarted('crashed');
    clock.advance(2_000);
    service.windowRestarted('unresponsive');
    expect(service.notices().windowRestarted).toMatchObject({ reason: 'unresponsive', atWall: clock.wallNow() });
    expect(service.dismiss('windowRestarted')).toEqual({ windowRestarted: null });
    expect(service.notices()).toEqual({ windowRestarted: null });
  });

  it('tells the shell when a page started, until it unsubscribes', () => {
    const service = new ShellNoticesService({ clock: new FakeClock(), callsUp: () => false });
    let started = 0;
    const stop = service.onRendererStarted(() => started++);
    service.rendererStarted();
    stop();
    service.rendererStarted();
    expect(started).toBe(1);
  });
});

describe('shell notices over the contract', () => {
  async function core() {
    const clock = new FakeClock();
    const created = await createTestCore({
      clock,
      settings: new MemorySettings(),
      agentStates: { load: async () => null, save: async () => undefined },
      logger: silent,
      hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId: 'local' },
    });
    return { core: created, clock };
  }
  const agent: CallerContext = { role: 'agent', userId: 'local' };

  it('answers "no notices" until the shell reports a restart (the web host never does)', async () => {
    const { core: c, clock } = await core();
    expect(await c.dispatch('getShellNotices', {}, agent)).toEqual({ ok: true, value: { windowRestarted: null } });
    c.shellNotices.windowRestarted('oom');
    expect(await c.dispatch('getShellNotices', {}, agent)).toEqual({
      ok: true,
      value: { windowRestarted: { atWall: clock.wallNow(), reason: 'oom', callsUp: false } },
    });
    expect(await c.dispatch('dismissShellNotice', { notice: 'windowRestarted' }, agent)).toEqual({ ok: true, value: { windowRestarted: null } });
    expect(await c.dispatch('getShellNotices', {}, agent)).toEqual({ ok: true, value: { windowRestarted: null } });
    await c.close();
  });

  it('every role may read it; a bad dismiss is refused with a clear error and changes nothing', async () => {
    const { core: c } = await core();
    c.shellNotices.windowRestarted('crashed');
    for (const role of roles) {
      expect(await c.dispatch('getShellNotices', {}, { role, userId: 'u' })).toMatchObject({ ok: true });
    }
    const bad = await c.dispatch('dismissShellNotice', { notice: 'everything' }, agent);
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await c.dispatch('getShellNotices', {}, agent)).toMatchObject({ ok: true, value: { windowRestarted: { reason: 'crashed' } } });
    await c.close();
  });

  it('a page asking for its audio back (reattachMedia) tells the shell it started', async () => {
    const { core: c } = await core();
    let started = 0;
    c.shellNotices.onRendererStarted(() => started++);
    await c.dispatch('reattachMedia', {}, agent); // no phone here: UNAVAILABLE, but the page is up
    expect(started).toBe(1);
    await c.close();
  });
});
