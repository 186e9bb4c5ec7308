// A cheap "is the phone server back?" check for the reconnect loop (issue 21): a TCP connect to
// the WebSocket URL's host and port, closed at once. Far lighter than a WebSocket handshake plus
// REGISTER, so it can run every second while the server is down without loading it.
import net from 'node:net';

export function serverAddressOf(serverUrl: string): { host: string; port: number } | null {
  try {
    const url = new URL(serverUrl);
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
    const port = url.port ? Number(url.port) : url.protocol === 'wss:' ? 443 : 80;
    // new URL keeps the brackets of an IPv6 literal; net.connect wants the bare address.
    return { host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
  } catch {
    return null;
  }
}

/** Resolves true when a TCP connection to the server opens within `timeoutMs`, false otherwise. */
export function probeServer(serverUrl: string, timeoutMs = 1000): Promise<boolean> {
  const address = serverAddressOf(serverUrl);
  if (!address) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect({ host: address.host, port: address.port });
    const done = (reachable: boolean) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(reachable);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
