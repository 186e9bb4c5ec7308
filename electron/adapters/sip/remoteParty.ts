// The caller's number and name as the UI shows them, from a SIP identity (From/To header).
import type { URI } from 'sip.js';
import type { RemoteParty } from '../../../shared/contract/softphone';

export function remotePartyOf(uri: URI, displayName: string | undefined): RemoteParty {
  const name = (displayName ?? '').trim();
  return {
    number: uri.user ? decodeURIComponent(uri.user) : uri.toString(),
    name: name.length > 0 ? name : null,
  };
}
