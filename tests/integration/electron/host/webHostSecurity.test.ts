// The web host is a loopback server any local page could try to reach: it must refuse requests and
// sockets without the per-run token or from another origin, and refuse bad payloads unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContractSocket } from '../../../support/contractSocket';
import { startWebHost, type RunningWebHost } from '../../../support/webHost';

let host: RunningWebHost;
beforeAll(async () => {
  host = await startWebHost({ lang: 'en' });
});
afterAll(async () => {
  await host?.stop();
});

describe('web host access control', () => {
  it('listens on 127.0.0.1 and prints exactly one ready line', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
    expect(host.stdout().match(/Deskline ready at/g)).toHaveLength(1);
  });

  it('refuses a page request without the token or with a wrong one', async () => {
    expect((await fetch(`${host.origin}/`)).status).toBe(401);
    expect((await fetch(`${host.origin}/?token=wrong`)).status).toBe(401);
    expect((await fetch(`${host.origin}/index.html`)).status).toBe(401);
  });

  it('serves the UI with the token, sets an HttpOnly cookie and a strict CSP', async () => {
    const response = await fetch(host.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/deskline_token=.*HttpOnly; SameSite=Strict/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(await response.text()).toContain('<div id="root">');
    const cookie = `deskline_token=${host.token}`;
    expect((await fetch(`${host.origin}/`, { headers: { cookie } })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port: host.port, path: `/?token=${host.token}`, headers: { host: `evil.example:${host.port}` } }, (res) => resolve(res.statusCode ?? 0))
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('refuses a WebSocket without the token, with a wrong token, or from another origin', async () => {
    await expect(openContractSocket(host, { token: null })).rejects.toThrow(/401/);
    await expect(openContractSocket(host, { token: 'nope' })).rejects.toThrow(/401/);
    await expect(openContractSocket(host, { origin: 'http://evil.example' })).rejects.toThrow(/403/);
    const ok = await openContractSocket(host);
    expect(await ok.request('getAgentState', {})).toMatchObject({ ok: true });
    ok.close();
  });

  it('answers an invalid payload with a clear validation error and changes nothing', async () => {
    const socket = await openContractSocket(host);
    const set = await socket.request('setAgentState', { state: { kind: 'ready' } });
    expect(set.ok).toBe(true);
    const before = await socket.request('getAgentState', {});

    const bad = await socket.request('setAgentState', { state: { kind: 'notReady', reason: 'nap' } });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('VALIDATION');
    expect(bad.error?.message).toMatch(/setAgentState/);
    expect((await socket.request('setAgentState', 'ready')).error?.code).toBe('VALIDATION');
    expect((await socket.request('noSuchMethod', {})).error?.code).toBe('UNKNOWN_METHOD');
    expect(await socket.sendRaw('{not json')).toMatchObject({ protocolError: { code: 'VALIDATION' } });

    const after = await socket.request('getAgentState', {});
    expect((after.value as { state: unknown }).state).toEqual((before.value as { state: unknown }).state);
    expect((after.value as { sinceWall: number }).sinceWall).toBe((before.value as { sinceWall: number }).sinceWall);
    socket.close();
  });
});
