// The caller's number and name as the UI shows them, from a SIP identity (From/To header).
import type { URI } from 'sip.js';
import { cleanCallerName, cleanCallerNumber } from '../../../shared/domain/callerIdText';
import type { RemoteParty } from '../../../shared/contract/softphone';

/**
 * sip.js's grammar has already percent-decoded `uri.user` (`%25` arrives as `%`): decoding it again
 * threw URIError on such a caller and killed the host (issue 12). Both parts are cleaned of control
 * and bidi characters and bounded before they reach the UI or the store; a user part with nothing
 * printable left falls back to the whole URI, which sip.js prints with the user part escaped.
 */
export function remotePartyOf(uri: URI, displayName: string | undefined): RemoteParty {
  const number = (uri.user ? cleanCallerNumber(uri.user) : '') || cleanCallerNumber(uriText(uri)) || 'unknown';
  return { number, name: cleanCallerName(unquote(displayName)) };
}

/** sip.js hands over a quoted display name's content as sent: undo its quoted pairs (`\"` is `"`). */
function unquote(displayName: string | undefined): string | undefined {
  return displayName?.replace(/\\([\s\S])/g, '$1');
}

function uriText(uri: URI): string {
  try {
    return uri.toString();
  } catch {
    return '';
  }
}
