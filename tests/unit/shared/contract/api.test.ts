// The contract validates every request, declares roles for every method and wraps every reply.
import { describe, expect, it } from 'vitest';
import { api, events, isMethodName, methodNames } from '../../../../shared/contract/api';
import { roles } from '../../../../shared/contract/roles';
import { clientFrameSchema, serverFrameSchema } from '../../../../shared/contract/wire';

describe('contract', () => {
  it('declares a summary, schemas and at least one known role for every method', () => {
    expect(methodNames.length).toBeGreaterThan(0);
    for (const name of methodNames) {
      const spec = api[name];
      expect(spec.summary.length, name).toBeGreaterThan(5);
      expect(spec.roles.length, name).toBeGreaterThan(0);
      for (const role of spec.roles) expect(roles, name).toContain(role);
    }
  });

  it('names every event on… and every method as a verb-like identifier', () => {
    for (const name of Object.keys(events)) expect(name).toMatch(/^on[A-Z]/);
    for (const name of methodNames) expect(name).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it('does not treat inherited object keys as methods', () => {
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
    expect(isMethodName('setAgentState')).toBe(true);
  });

  it('accepts the selectable agent states and rejects everything else', () => {
    const request = api.setAgentState.request;
    expect(request.safeParse({ state: { kind: 'ready' } }).success).toBe(true);
    expect(request.safeParse({ state: { kind: 'notReady', reason: 'lunch' } }).success).toBe(true);
    // "missed" is set by the system after ring-no-answer (S-1), never chosen by hand.
    expect(request.safeParse({ state: { kind: 'notReady', reason: 'missed' } }).success).toBe(false);
    expect(request.safeParse({ state: { kind: 'notReady' } }).success).toBe(false);
    expect(request.safeParse({ state: { kind: 'busy' } }).success).toBe(false);
    expect(request.safeParse({ state: { kind: 'ready', extra: 1 } }).success).toBe(false);
    expect(request.safeParse(null).success).toBe(false);
  });

  it('describes the wire frames both ways', () => {
    expect(clientFrameSchema.safeParse({ id: 1, method: 'getAgentState', payload: {} }).success).toBe(true);
    expect(clientFrameSchema.safeParse({ id: -1, method: 'x', payload: {} }).success).toBe(false);
    expect(serverFrameSchema.safeParse({ id: 1, reply: { ok: false, error: { code: 'VALIDATION', message: 'm' } } }).success).toBe(true);
    expect(serverFrameSchema.safeParse({ id: 1, reply: { ok: false, error: { code: 'NOPE', message: 'm' } } }).success).toBe(false);
  });
});
