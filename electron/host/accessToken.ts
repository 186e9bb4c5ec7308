// The per-run secret that guards the loopback server: carried by the printed URL, then by an
// HttpOnly SameSite=Strict cookie so the page's assets and WebSocket carry it too.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookieName = 'deskline_token';

export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenFromRequest(request: IncomingMessage): { token: string | null; fromQuery: boolean } {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const query = url.searchParams.get('token');
  if (query) return { token: query, fromQuery: true };
  const cookie = request.headers.cookie ?? '';
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === tokenCookieName) return { token: decodeURIComponent(rest.join('=')), fromQuery: false };
  }
  return { token: null, fromQuery: false };
}

export function tokensMatch(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
