// The web binding of the contract: serves the built renderer over HTTP and the contract over a
// WebSocket, on 127.0.0.1 only. Every request needs the per-run token; the Host and Origin headers
// must name this server (a page on another origin, or a DNS-rebinding name, is refused).
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { clientFrameSchema, maxFrameBytes } from '../../shared/contract/wire';
import type { Core } from '../core/createCore';
import type { CallerContext } from '../core/dispatcher';
import type { Logger } from '../core/ports';
import { newAccessToken, tokenCookieName, tokenFromRequest, tokensMatch } from './accessToken';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { readStaticFile } from './staticFiles';

export interface WebBindingOptions {
  core: Core;
  rendererDir: string;
  port: number;
  caller: CallerContext;
  logger: Logger;
  token?: string;
}

export interface WebBinding {
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

export const apiPath = '/api';

export async function startWebBinding(options: WebBindingOptions): Promise<WebBinding> {
  const token = options.token ?? newAccessToken();
  const sockets = new Set<WebSocket>();
  let port = 0;
  const allowedHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = () => allowedHosts().map((h) => `http://${h}`);

  const server = http.createServer((request, response) => {
    void serveHttp(request, response).catch((error: unknown) => {
      options.logger.error('HTTP request failed', { error: String(error) });
      if (!response.headersSent) response.writeHead(500).end('Internal error');
    });
  });

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
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const refusal = upgradeRefusal(request, url.pathname);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
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
    sockets.add(ws);
    const unsubscribe = options.core.eventHub.subscribeFor(options.caller, (event, payload) => {
      ws.send(JSON.stringify({ event, payload }));
    });
    ws.on('message', (data, isBinary) => {
      void handleFrame(ws, isBinary ? null : data.toString());
    });
    ws.on('close', () => {
      unsubscribe();
      sockets.delete(ws);
    });
  }

  async function handleFrame(ws: WebSocket, text: string | null) {
    let json: unknown;
    try {
      json = text === null ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const frame = clientFrameSchema.safeParse(json);
    if (!frame.success) {
      ws.send(JSON.stringify({ protocolError: { code: 'VALIDATION', message: 'Malformed frame: expected JSON {id, method, payload}.' } }));
      return;
    }
    const reply = await options.core.dispatch(frame.data.method, frame.data.payload, options.caller);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: frame.data.id, reply }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      for (const ws of sockets) ws.close(1001, 'Host shutting down');
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
