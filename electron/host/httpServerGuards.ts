// What keeps the web binding's HTTP server alive whatever a peer does at the TCP and HTTP level:
// resets, garbage, half-sent requests, floods of idle connections (issue 12).
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '../core/kernel/platformPorts';
import type { ConnectionLimits } from './connectionLimits';
import type { ThrottledWarning } from './throttledWarning';

/** How long a refused upgrade's socket may linger after the answer before it is destroyed. */
const refusalLingerMs = 5_000;

export function guardHttpServer(server: Server, limits: ConnectionLimits, warn: ThrottledWarning, logger: Logger): void {
  // Past this the server closes new connections at once (idle floods; each also times out below).
  server.maxConnections = limits.maxTcpConnections;
  server.on('drop', () => warn('tcp-drop', `Dropped a new connection: ${limits.maxTcpConnections} are open already`));
  // With this listener Node no longer answers for us: answer like Node would, then destroy.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const code = error.code ?? error.name;
    warn(`http-client:${code}`, 'HTTP client error; closed its connection', { code });
    const response = clientErrorStatus(code);
    const httpMessage = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (response && socket.writable && !httpMessage?.headersSent) {
      socket.end(`HTTP/1.1 ${response}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    }
    socket.destroy();
  });
  // Errors of the listening socket after start (e.g. EMFILE on accept): Node keeps listening.
  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.error('Web binding server error', { code: error.code, error: error.stack ?? String(error) });
  });
}

function clientErrorStatus(code: string): string | null {
  if (code === 'ECONNRESET' || code === 'EPIPE') return null;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
  if (code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
  return '400 Bad Request';
}

/**
 * Node hands an upgrade's socket over without any 'error' listener: until someone adds one, a
 * reset from the peer is an unhandled 'error' event that ends the process. Called first thing.
 */
export function guardUpgradeSocket(socket: Duplex, warn: ThrottledWarning): void {
  socket.on('error', (error: NodeJS.ErrnoException) => {
    const code = error.code ?? error.name;
    warn(`upgrade-socket:${code}`, 'WebSocket connection failed at the TCP level; closed it', { code });
  });
}

/** Answers a refused upgrade and makes sure the socket goes away even if the peer never closes. */
export function refuseUpgrade(socket: Duplex, status: string): void {
  // In practice a net.Socket; the type Node gives the 'upgrade' event is the wider Duplex.
  (socket as Duplex & Partial<Pick<Socket, 'setTimeout'>>).setTimeout?.(refusalLingerMs, () => socket.destroy());
  // Read and discard what the peer still sends, so its FIN is seen and the socket is freed.
  socket.resume();
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
