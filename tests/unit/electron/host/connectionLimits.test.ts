// Issue 12: the web binding's limits and the DESKLINE_NET_LIMITS override; a bad value stops the
// host with a clear message instead of running with limits nobody asked for.
import { describe, expect, it } from 'vitest';
import { connectionLimitsFromEnv, defaultConnectionLimits } from '../../../../electron/host/connectionLimits';
import { maxFrameBytes } from '../../../../shared/contract/wire';

describe('connectionLimitsFromEnv', () => {
  it('gives the defaults without the variable, or with an empty one', () => {
    expect(connectionLimitsFromEnv({})).toEqual(defaultConnectionLimits);
    expect(connectionLimitsFromEnv({ DESKLINE_NET_LIMITS: '  ' })).toEqual(defaultConnectionLimits);
  });

  it('applies a subset of overrides over the defaults', () => {
    const limits = connectionLimitsFromEnv({ DESKLINE_NET_LIMITS: '{"maxWebSockets":4,"heartbeatMs":1000}' });
    expect(limits).toEqual({ ...defaultConnectionLimits, maxWebSockets: 4, heartbeatMs: 1000 });
  });

  it.each([
    ['not JSON', '{maxWebSockets:4}', /DESKLINE_NET_LIMITS must be JSON/],
    ['an unknown key', '{"maxSockets":4}', /maxSockets/],
    ['zero', '{"maxWebSockets":0}', /maxWebSockets/],
    ['a fraction', '{"heartbeatMs":1.5}', /heartbeatMs/],
    ['a string', '{"heartbeatMs":"10"}', /heartbeatMs/],
    ['a request timeout below the headers timeout', '{"headersTimeoutMs":5000,"requestTimeoutMs":1000}', /requestTimeoutMs \(1000\) must not be below headersTimeoutMs \(5000\)/],
  ])('refuses %s with a clear message', (_what, value, message) => {
    expect(() => connectionLimitsFromEnv({ DESKLINE_NET_LIMITS: value })).toThrow(message);
  });

  it('defaults fit a desk: one frame fits the backlog, timeouts far beyond a loopback browser', () => {
    expect(defaultConnectionLimits.maxBufferedBytes).toBeGreaterThan(maxFrameBytes);
    expect(defaultConnectionLimits.maxTcpConnections).toBeGreaterThan(defaultConnectionLimits.maxWebSockets);
    expect(defaultConnectionLimits.requestTimeoutMs).toBeGreaterThanOrEqual(defaultConnectionLimits.headersTimeoutMs);
    expect(defaultConnectionLimits.heartbeatMs).toBeLessThanOrEqual(30_000);
  });
});
