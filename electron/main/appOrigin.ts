// The app's own origin (app://deskline) and the one parser every shell decision uses to recognise
// it. No Electron import here, so the decisions built on it are tested in plain Node.
export const appScheme = 'app';
export const appHost = 'deskline';
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * protocol.registerSchemesAsPrivileged privileges (docs/api/protocol.md). `standard`: the page
 * gets the tuple origin app://deskline that senderOrigin.ts and permissionPolicy.ts compare with
 * (a non-standard scheme "behaves like file" and its origin is opaque), plus relative URLs and
 * web storage. `secure`: a secure context, without which getUserMedia (the softphone's
 * microphone) and notifications are unavailable. No bypassCSP, no service workers.
 */
export const appSchemePrivileges = { standard: true, secure: true, supportFetchAPI: true } as const;

/**
 * True when `value` is a URL (or a serialised origin) on app://deskline.
 *
 * Not `new URL(value).origin === appOrigin`: WHATWG URL (Node's, and the renderer's for an
 * unregistered scheme) serialises the origin of any non-special scheme as "null", so that
 * comparison refuses everything. Scheme and host are compared instead. Chromium canonicalises a
 * scheme registered `standard` like http (lower-case host, no default port), so the URLs Electron
 * reports are exactly `app://deskline/...`; anything looser (credentials, a port, another case)
 * did not come from our own page and is refused.
 */
export function isAppUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.password === '';
}
