// Serves the caller page (callerPageMain.ts bundled by esbuild, kept in memory) on loopback, and
// gives tests a typed handle on a page's `window.caller`.
import { build } from 'esbuild';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { CallerPageApi, CallerPageWindow } from './callerPageApi';

const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'callerPageMain.ts');

// The page loads only its own script and talks only to a loopback SIP server (any port: the
// Kamailio port is chosen after the page server starts). A MediaStream set as srcObject is not a
// fetch, so media-src can stay 'none'.
const csp = [
  "default-src 'none'",
  "script-src 'self'",
  'connect-src ws://127.0.0.1:*',
  "media-src 'none'",
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Deskline caller page</title></head>
<body><audio id="remote-audio" autoplay></audio><script src="/caller.js"></script></body></html>`;

// One bundle per process: every server (and every test file in a worker) reuses it.
let bundle: Promise<string> | undefined;
function bundleOnce(): Promise<string> {
  bundle ??= build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  bundle.catch(() => (bundle = undefined)); // a failed build is retried by the next caller
  return bundle;
}

export interface CallerPageServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  close(): Promise<void>;
}

export async function startCallerPageServer(): Promise<CallerPageServer> {
  const script = await bundleOnce();
  const server = http.createServer((request, response) => {
    const route = request.url?.split('?')[0];
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (route === '/') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
      response.end(html);
    } else if (route === '/caller.js') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      response.end(script);
    } else {
      response.writeHead(404, headers);
      response.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('caller page server has no address');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** `window.caller` of a page, each method run through page.evaluate (errors keep the page's message). */
export type CallerHandle = {
  [K in keyof CallerPageApi]: (...args: Parameters<CallerPageApi[K]>) => Promise<Awaited<ReturnType<CallerPageApi[K]>>>;
};

// A Record over the API's keys, so a method added to CallerPageApi fails to compile until listed.
const methods: Record<keyof CallerPageApi, true> = {
  start: true, call: true, answerNext: true, state: true, waitForState: true, mediaStats: true,
  hangUp: true, timings: true, reset: true, stop: true,
};

export function callerOn(page: Page): CallerHandle {
  const entries = Object.keys(methods).map((method) => [
    method,
    (...args: unknown[]) =>
      page.evaluate(
        ([name, values]) => {
          const api = (window as unknown as CallerPageWindow).caller as unknown as Record<string, (...a: unknown[]) => unknown>;
          return api[name]!(...values);
        },
        [method, args] as const,
      ),
  ]);
  return Object.fromEntries(entries) as CallerHandle;
}
