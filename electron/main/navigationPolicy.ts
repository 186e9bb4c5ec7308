// Where the window may go: it stays on our own page; a new window is never opened, an http(s)
// link asked to open in one goes to the system browser instead, anything else is dropped.
// Pure, so it is tested with the URLs Electron passes to 'will-navigate' and
// setWindowOpenHandler (docs/api/web-contents.md).
import { isAppUrl } from './appOrigin';

/**
 * 'will-navigate' ("a user or the page wants to start navigation on the main frame"): allowed
 * only to app://deskline/… (a reload of our own page). Everything else is prevented, http(s)
 * included: a page that sets window.location must not launch a browser on its own; the renderer's
 * external links open a new window, which setWindowOpenHandler turns into the system browser.
 */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * setWindowOpenHandler: always `{action: 'deny'}`; returns the URL to hand to shell.openExternal,
 * or null. Only http: and https: without credentials go out: shell.openExternal would otherwise
 * start whatever the OS registered for file:, smb:, ms-msdt:, javascript: …, which Electron's
 * security guide warns against.
 */
export function externalUrlForWindowOpen(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}
