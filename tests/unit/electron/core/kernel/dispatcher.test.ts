// The dispatcher is the one door into the core: unknown methods, bad payloads and wrong roles are
// refused with a clear envelope before any handler runs.
import { describe, expect, it, vi } from 'vitest';
import { ContractError } from '../../../../../shared/contract/envelope';
import { createDispatcher, type ApiHandlers } from '../../../../../electron/core/kernel/dispatcher';
import type { Logger } from '../../../../../electron/core/kernel/platformPorts';

const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
const view = { state: { kind: 'ready' as const }, sinceWall: 1, elapsedMs: 0 };

function handlers(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  return {
    getAppInfo: () => ({ host: 'web', version: '0', languageOverride: null, role: 'agent', userId: 'u' }),
    getAgentState: () => view,
    setAgentState: vi.fn(() => view),
    ...overrides,
  } as ApiHandlers;
}
const agent = { role: 'agent' as const, userId: 'u' };

describe('dispatcher', () => {
  it('runs a valid call and wraps the reply', async () => {
    const dispatch = createDispatcher(handlers(), silent);
    expect(await dispatch('getAgentState', {}, agent)).toEqual({ ok: true, value: view });
  });

  it('refuses unknown methods', async () => {
    const dispatch = createDispatcher(handlers(), silent);
    const reply = await dispatch('deleteEverything', {}, agent);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatch(42, {}, agent)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses an invalid payload with a message naming the problem, without calling the handler', async () => {
    const h = handlers();
    const dispatch = createDispatcher(h, silent);
    const reply = await dispatch('setAgentState', { state: { kind: 'notReady', reason: 'nap' } }, agent);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('VALIDATION');
      expect(reply.error.message).toContain('setAgentState');
      expect(reply.error.message).toMatch(/reason/);
    }
    expect(h.setAgentState).not.toHaveBeenCalled();
  });

  it('refuses text with a lone surrogate (the store would change it) without calling the handler', async () => {
    const h = handlers({ saveCallNote: vi.fn(() => ({ revision: 1, savedAt: 1, isAmendment: false })) });
    const dispatch = createDispatcher(h, silent);
    const reply = await dispatch('saveCallNote', { callId: 'c1', text: 'refund \uD800 approved' }, agent);
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/saveCallNote.*text.*not valid Unicode/) } });
    expect(h.saveCallNote).not.toHaveBeenCalled();
    // A proper pair (an emoji) is text like any other.
    expect(await dispatch('saveCallNote', { callId: 'c1', text: 'thanks 😀' }, agent)).toMatchObject({ ok: true });
  });

  it('enforces the roles declared in the contract in the main process', async () => {
    const h = handlers();
    const dispatch = createDispatcher(h, silent);
    const reply = await dispatch('setAgentState', { state: { kind: 'ready' } }, { role: 'qa', userId: 'q' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.setAgentState).not.toHaveBeenCalled();
  });

  it('passes ContractError codes through and hides nothing else behind a crash', async () => {
    const dispatch = createDispatcher(
      handlers({
        getAgentState: () => {
          throw new ContractError('CONFLICT', 'not now');
        },
        setAgentState: () => {
          throw new Error('disk on fire');
        },
      }),
      silent,
    );
    expect(await dispatch('getAgentState', {}, agent)).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'not now' } });
    const crash = await dispatch('setAgentState', { state: { kind: 'ready' } }, agent);
    expect(crash).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('refuses a reply that breaks the contract instead of passing it on', async () => {
    const dispatch = createDispatcher(handlers({ getAgentState: () => ({ state: { kind: 'asleep' } }) as never }), silent);
    expect(await dispatch('getAgentState', {}, agent)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
