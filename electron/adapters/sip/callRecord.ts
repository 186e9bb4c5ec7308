// What the sip.js phone tracks about one call while it lasts, shared by call set-up and call control.
import type { Session } from 'sip.js';
import type { CallParty, EndReason } from '../../../shared/domain/callStateMachine';
import type { TimerHandle } from '../../../shared/domain/clock';

export interface CallRecord {
  session: Session;
  direction: 'inbound' | 'outbound';
  established: boolean;
  held: boolean;
  /** Resolves when the dialog is confirmed: ACK received (inbound) or sent (outbound). */
  acked: Promise<void>;
  markAcked: () => void;
  /** How it ended, when we (or a delegate) know before sip.js reports Terminated. */
  end: { by: CallParty; reason: EndReason; sipCode: number | null } | null;
  transferPending: boolean;
  /** Why the call's media failed, when it did (the browser's words, for the log). */
  mediaFailure: string | null;
  /** RFC 4028: our own session refreshes, when the far end made us the refresher. */
  refreshTimer: TimerHandle | null;
}
