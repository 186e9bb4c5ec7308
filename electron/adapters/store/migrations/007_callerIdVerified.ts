// Version 7: S-6, whether an inbound call's caller ID was verified (RFC 3325 P-Asserted-Identity
// from a server trusted to assert it). A customer's history lists the calls linked to them plus
// unlinked calls from their numbers; an unverified caller ID could be anyone's, so such a call
// joins the history only once the agent confirms the customer (calls.customer_id). NULL: outbound,
// or recorded before this version (history as it was).
import type { Migration } from './migration';

export const migration007: Migration = {
  version: 7,
  name: 'caller ID verified',
  statements: [`ALTER TABLE calls ADD COLUMN caller_id_verified INTEGER`],
};
