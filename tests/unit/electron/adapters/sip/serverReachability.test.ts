// The reconnect loop's cheap reachability check (issue 21): which address is probed, and that a
// listening port reads as reachable and a closed one as not.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { probeServer, serverAddressOf } from '../../../../../electron/adapters/sip/serverReachability';

describe('serverAddressOf', () => {
  it('takes host and port from ws:// and wss:// URLs, with the scheme defaults', () => {
    expect(serverAddressOf('ws://127.0.0.1:5066')).toEqual({ host: '127.0.0.1', port: 5066 });
    expect(serverAddressOf('wss://pbx.example.cn/ws')).toEqual({ host: 'pbx.example.cn', port: 443 });
    expect(serverAddressOf('ws://pbx.example.cn/ws')).toEqual({ host: 'pbx.example.cn', port: 80 });
    expect(serverAddressOf('ws://[::1]:8088/ws')).toEqual({ host: '::1', port: 8088 });
  });

  it('refuses what is not a WebSocket URL', () => {
    expect(serverAddressOf('http://pbx:80')).toBeNull();
    expect(serverAddressOf('not a url')).toBeNull();
  });
});

describe('probeServer', () => {
  it('is true for a listening port and false once it is closed', async () => {
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as net.AddressInfo).port;
    expect(await probeServer(`ws://127.0.0.1:${port}`)).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await probeServer(`ws://127.0.0.1:${port}`)).toBe(false);
    expect(await probeServer('nonsense')).toBe(false);
  });
});
