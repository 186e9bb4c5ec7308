// Which file app://deskline/<path> serves: only files inside the built renderer folder, whatever
// the request's encoding tricks. Pure (no Electron), tested with hostile URLs.
import path from 'node:path';
import { appHost, appScheme } from './appOrigin';

/**
 * The absolute file for a request URL under `rendererDir`, or null (answer 404). Refused: another
 * scheme or host, malformed URLs or escapes, NUL bytes, backslashes (a path separator on Windows,
 * never in our asset names), any `.` or `..` segment once decoded (Chromium already collapses the
 * literal ones; a decoded `%2e%2e` or `..%2f` is an attempt to climb out), and anything that does
 * not resolve strictly inside `rendererDir`.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  const rawPath = url.pathname === '' || url.pathname === '/' ? '/index.html' : url.pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null; // a malformed escape such as %E0%A4%A
  }
  // ':' would name a drive or an alternate data stream on Windows; no asset of ours has one.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes(':')) return null;
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '.' || segment === '..' || segment === '')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  return file.startsWith(root + path.sep) ? file : null;
}
