// What the agent is told when a call ends without a conversation, in words rather than a SIP
// code or a browser error (issue 20): busy, no answer, number not found, no common audio format,
// media failure. Pure: the renderer turns the key into zh-CN or English.
import type { CallView, OfferRefusal } from '../contract/softphone';

export type CallOutcomeKey =
  | 'busy'
  | 'noAnswer'
  | 'notFound'
  | 'declined'
  | 'noCommonCodec'
  | 'media'
  | 'failed'
  | 'error';

export interface CallOutcomeNotice {
  key: CallOutcomeKey;
  number: string;
  sipCode: number | null;
}

/** The notice for an ended call, or null when there is nothing to explain (a normal hang-up). */
export function callOutcomeNotice(view: CallView): CallOutcomeNotice | null {
  if (!view.end) return null;
  const { cause, sipCode, failure } = view.end;
  const notice = (key: CallOutcomeKey): CallOutcomeNotice => ({ key, number: view.remote.number, sipCode });
  if (cause === 'failed') return notice(failure === 'media' ? 'media' : 'error');
  // Inbound calls that end unanswered are the missed and declined lists' business.
  if (view.direction !== 'outbound') return null;
  if (cause === 'busy') return notice('busy');
  if (cause !== 'rejected') return null;
  return notice(keyForRejection(sipCode));
}

function keyForRejection(sipCode: number | null): CallOutcomeKey {
  switch (sipCode) {
    case 404: // Not Found
    case 410: // Gone
    case 484: // Address Incomplete
    case 604: // Does Not Exist Anywhere
      return 'notFound';
    case 408: // Request Timeout: the far end's network gave up ringing
    case 480: // Temporarily Unavailable: what most PBXs answer after their ring timeout
    case 487: // Request Terminated by the far end's network
      return 'noAnswer';
    case 486:
    case 600:
      return 'busy';
    case 603: // Decline
      return 'declined';
    case 415:
    case 488: // Not Acceptable Here
    case 606: // Not Acceptable
      return 'noCommonCodec';
    default:
      return 'failed';
  }
}

/** The i18n key of the notice for a call refused on arrival (it never rang). */
export function refusalNoticeKey(reason: OfferRefusal): 'refusedNoCommonCodec' | 'refusedNotWebRtc' | 'refusedNoAudio' {
  if (reason === 'noCommonCodec') return 'refusedNoCommonCodec';
  if (reason === 'notWebRtc') return 'refusedNotWebRtc';
  return 'refusedNoAudio';
}
