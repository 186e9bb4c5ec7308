// sip.js prints a URI's user part by percent-decoding it (again: its grammar already decoded it)
// and re-encoding; a caller whose user part holds a literal "%" (sent as %25) makes that throw
// URIError, so every request in that call's dialog (our BYE, re-INVITE, REFER) would fail to build.
import { URI } from 'sip.js';

type EscapeUser = (this: URI, user: string) => string;
const marker = Symbol.for('deskline.sipUriUserEscape');

/**
 * Wrap sip.js's private URI.escapeUser: where its double decode throws, escape the user part as it
 * stands (which is what it is: already decoded). Every user part that printed before prints the
 * same. Idempotent; sip.js 0.21's class is patched once per process.
 */
export function installSipUriUserEscape(): void {
  const proto = URI.prototype as unknown as { escapeUser: EscapeUser & { [marker]?: true } };
  const original = proto.escapeUser;
  if (typeof original !== 'function' || original[marker]) return;
  const safe: EscapeUser & { [marker]?: true } = function (this: URI, user: string): string {
    try {
      return original.call(this, user);
    } catch {
      // Same characters left unescaped as sip.js leaves them (":", "+", "?", "/").
      return encodeURIComponent(user).replace(/%3A/gi, ':').replace(/%2B/gi, '+').replace(/%3F/gi, '?').replace(/%2F/gi, '/');
    }
  };
  safe[marker] = true;
  proto.escapeUser = safe;
}
