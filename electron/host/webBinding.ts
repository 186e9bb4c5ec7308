// The web binding of the contract: serves the built renderer over HTTP and the contract over a
// WebSocket, on 127.0.0.1 only. Every request needs the per-run token; the Host and Origin headers
// must name this server (a page on another origin, or a DNS-rebinding name, is refused). No peer
// can crash it or hold more than its share (connectionLimits.ts): issue 12. Each WebSocket is its
// own connection to the core (Core.connect): its session decides who calls and what events it sees (issue 13).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientFrameSchema, maxFrameBytes } from '../../shared/contract/wire';
import type { Core } from '../core/createCore';
import type { ContractConnection } from '../core/identity';
import type { Logger } from '../core/kernel/platformPorts';
import { newAccessToken, tokenCookieName, tokenFromRequest, tokensMatch } from './accessToken';
import { defaultConnectionLimits, type ConnectionLimits } from './connectionLimits';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { guardHttpServer, guardUpgradeSocket, refuseUpgrade } from './httpServerGuards';
import { readStaticFile } from './staticFiles';
import { createThrottledWarning } from './throttledWarning';

export interface WebBindingOptions {
  core: Core;
  rendererDir: string;
  port: number;
  logger: Logger;
  token?: string;
  /** Defaults to {@link defaultConnectionLimits}. */
  limits?: ConnectionLimits;
}

/** Close codes a client sees (RFC 6455 §7.4.1) when the binding sends it away. */
export const closeCodes = { tooManyConnections: 1013, tooSlow: 1008, shuttingDown: 1001 } as const;

/** One connected contract WebSocket and what it holds of the host. */
interface Client {
  ws: WebSocket;
  /** This socket's door into the core: its own session (issue 13). */
  connection: ContractConnection;
  /** Answered the last ping (or connected since). */
  alive: boolean;
  inFlight: number;
  dropping: boolean;
}

/** Network noise of one kind is logged at most once per this window (with a count). */
const warningWindowMs = 10_000;
/** A dropped slow client gets this long for its close frame before its socket is destroyed. */
const slowClientGraceMs = 1_000;

export interface WebBinding {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export const apiPath = '/api';

export async function startWebBinding(options: WebBindingOptions): Promise<WebBinding> {
  const token = options.token ?? newAccessToken();
  const limits = options.limits ?? defaultConnectionLimits;
  const logger = options.logger;
  const warn = createThrottledWarning(logger, { windowMs: warningWindowMs, now: () => performance.now() });
  const clients = new Map<WebSocket, Client>();
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
  };
  const server = http.createServer(serverOptions, (request, response) => {
    void serveHttp(request, response).catch((error: unknown) => {
      logger.error('HTTP request failed', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!response.headersSent) response.writeHead(500).end('Internal error');
      else response.destroy();
    });
  });
  guardHttpServer(server, limits, warn, logger);

  async function serveHttp(request: IncomingMessage, response: ServerResponse) {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Referrer-Policy', 'no-referrer');
    if (!allowedHosts().includes(request.headers.host ?? '')) {
      return reject(response, 421, 'Deskline: unexpected Host header.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reject(response, 405, 'Deskline: only GET is served here; the contract runs over the WebSocket.');
    }
    const { token: given, fromQuery } = tokenFromRequest(request);
    if (!tokensMatch(token, given)) {
      return reject(response, 401, 'Deskline: missing or wrong access token. Open the URL the host printed.');
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return reject(response, 404, 'Not found');
    const headers: Record<string, string> = {
      'Content-Type': file.contentType,
      'Cache-Control': file.isHtml ? 'no-store' : 'private, max-age=3600',
    };
    if (file.isHtml) {
      const wsSources = allowedHosts().map((h) => `ws://${h}`);
      headers['Content-Security-Policy'] = contentSecurityPolicy(wsSources);
      headers['X-Frame-Options'] = 'DENY';
    }
    if (fromQuery) {
      headers['Set-Cookie'] = `${tokenCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  wss.on('error', (error) => logger.error('WebSocket server error', { error: error.stack ?? String(error) }));
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    guardUpgradeSocket(socket, warn);
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const refusal = upgradeRefusal(request, url.pathname);
    if (refusal) {
      refuseUpgrade(socket, refusal);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => attach(ws));
  });

  function upgradeRefusal(request: IncomingMessage, pathname: string): string | null {
    if (pathname !== apiPath) return '404 Not Found';
    if (!allowedHosts().includes(request.headers.host ?? '')) return '421 Misdirected Request';
    if (!tokensMatch(token, tokenFromRequest(request).token)) return '401 Unauthorized';
    // Browsers always send Origin on WebSocket upgrades; only our own page may connect.
    if (!allowedOrigins().includes(request.headers.origin ?? '')) return '403 Forbidden';
    return null;
  }

  function attach(ws: WebSocket) {
    // ws reports a frame over maxPayload, invalid UTF-8 or a protocol violation here, and has
    // already closed the connection with the matching code (1009, 1007, 1002): only log it.
    ws.on('error', (error: Error & { code?: string }) => {
      warn(`ws-error:${error.code ?? error.name}`, 'WebSocket client broke the protocol; closed it', { code: error.code, message: error.message });
    });
    if (clients.size >= limits.maxWebSockets) {
      // Accepted first so that a browser sees the reason (it never sees a refused handshake's status).
      warn('ws-cap', 'Refused a WebSocket: too many open', { open: clients.size, limit: limits.maxWebSockets });
      ws.close(closeCodes.tooManyConnections, `Deskline: too many connections (limit ${limits.maxWebSockets}); close another tab`);
      return;
    }
    const client: Client = { ws, alive: true, inFlight: 0, dropping: false, connection: null as unknown as ContractConnection };
    client.connection = options.core.connect((event, payload) => send(client, { event, payload }));
    clients.set(ws, client);
    ws.on('pong', () => (client.alive = true));
    ws.on('message', (data, isBinary) => handleFrame(client, isBinary ? null : data.toString()));
    ws.on('close', () => {
      client.connection.close();
      clients.delete(ws);
    });
  }

  /** Sends one frame unless the client is gone or too far behind; never throws (events fan out through here). */
  function send(client: Client, frame: object): void {
    if (client.ws.readyState !== client.ws.OPEN || !withinBacklog(client)) return;
    try {
      client.ws.send(JSON.stringify(frame));
    } catch (error) {
      logger.error('Could not send a frame to a WebSocket client', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }

  /** False (and the client is dropped) once more than the limit is queued for a client that does not read. */
  function withinBacklog(client: Client): boolean {
    if (client.ws.bufferedAmount <= limits.maxBufferedBytes) return true;
    if (!client.dropping) {
      client.dropping = true;
      warn('ws-slow', 'Dropped a WebSocket client that does not read what it is sent', { bufferedBytes: client.ws.bufferedAmount, limit: limits.maxBufferedBytes });
      // The close frame waits behind the backlog; the socket (and the memory) goes soon after.
      client.ws.close(closeCodes.tooSlow, 'Deskline: client too slow to read; reconnect');
      setTimeout(() => client.ws.terminate(), slowClientGraceMs).unref();
    }
    return false;
  }

  // A peer that vanished without closing (half-open) or stopped reading misses a pong and goes.
  const heartbeat = setInterval(() => {
    for (const client of clients.values()) {
      if (!client.alive) {
        warn('ws-heartbeat', 'Dropped a WebSocket client that stopped answering pings');
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      if (withinBacklog(client) && client.ws.readyState === client.ws.OPEN) client.ws.ping();
    }
  }, limits.heartbeatMs);
  heartbeat.unref();

  function handleFrame(client: Client, text: string | null) {
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) {
      send(client, { protocolError: { code: 'VALIDATION', message: 'Malformed frame: expected JSON {id, method, payload}.' } });
      return;
    }
    const { id, method, payload } = frame.data;
    if (client.inFlight >= limits.maxInFlightPerSocket) {
      warn('ws-in-flight', 'Refused a request: too many in flight on one WebSocket', { limit: limits.maxInFlightPerSocket });
      const message = `Too many requests at once on this connection (limit ${limits.maxInFlightPerSocket}); ${JSON.stringify(method)} was not run. Retry when earlier replies have arrived.`;
      send(client, { id, reply: { ok: false, error: { code: 'UNAVAILABLE', message } } });
      return;
    }
    client.inFlight += 1;
    void client.connection
      .dispatch(method, payload)
      .catch((error: unknown) => {
        // The dispatcher wraps handler failures itself; this is the last net under it.
        logger.error('Contract dispatch failed', { method, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
        return { ok: false as const, error: { code: 'INTERNAL' as const, message: `${method} failed.` } };
      })
      .then((reply) => {
        client.inFlight -= 1;
        send(client, { id, reply });
      });
  }

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      clearInterval(heartbeat);
      reject(error);
    };
    server.once('error', failed);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', failed);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      clearInterval(heartbeat);
      for (const ws of clients.keys()) ws.close(closeCodes.shuttingDown, 'Host shutting down');
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

function reject(response: ServerResponse, status: number, message: string) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(message);
}
