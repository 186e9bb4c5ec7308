// One call's row in the `calls` table, folded from its call events (S-3: the record is kept while
// the call happens, so it is rebuilt from the events at each step rather than typed in afterwards),
// plus the ring outcome (S-1) and the wrap-up result. Also the `call_events` row for each event.
import type { CallDirection, CallEndCause, CallEvent, CallEventType, Stamp } from '../contract/softphone';
import type { RingOutcome } from './ringCounter';
import type { WrapUpResult } from './wrapUpTimer';

/** The outcome CHECK list of the `calls` table (migration 001), in its order. */
export const callOutcomes = ['active', 'answered', 'abandoned', 'missed', 'declined', 'transferred', 'failed'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** SQLite stores booleans as 0/1; the row carries them that way so it binds as it is. */
export type SqlFlag = 0 | 1;

/** The `calls` table's columns, camelCased, in table order. */
export interface CallRecordRow {
  id: string;
  agentId: string;
  direction: CallDirection;
  remoteNumber: string;
  remoteName: string | null;
  customerId: string | null;
  outcome: CallOutcome;
  /** Wall epoch ms of 'offered' (inbound) or 'dialing' (outbound). */
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  /** S-1.3 ring fields: inbound only, from the ring counter; null for outbound calls. */
  ringCount: number | null;
  timeToAnswerMs: number | null;
  answeredWithinThreeRings: SqlFlag | null;
  answeredBySecondRing: SqlFlag | null;
  /** Durations come from the monotonic stamps, never wall time (a clock step must not change them). */
  holdMs: number;
  talkMs: number;
  wrapMs: number;
  /** The agent's own entries (wrap-up form, notes): table defaults here, written by their features. */
  category: string | null;
  disposition: string | null;
  satisfaction: number | null;
  isComplaint: SqlFlag;
  notes: string;
  /** Inbound: 1 when the caller ID was verified (RemoteParty.verified), 0 when not; outbound: null (S-6). */
  callerIdVerified: SqlFlag | null;
  /** S-6 retention: when a retention run anonymised the call; null until then (written only by retention). */
  anonymisedAt: number | null;
}

export interface CallRecordInput {
  /** One call's events, in the order they happened, starting with 'offered' or 'dialing'. */
  events: readonly CallEvent[];
  agentId: string;
  /** The ring counter's outcome (inbound only). */
  ring?: RingOutcome | null;
  /** The finished wrap-up (only once the call has ended). */
  wrapUp?: WrapUpResult | null;
  customerId?: string | null;
}

/**
 * The stored outcome for how a call ended. The table has no outbound-specific outcomes, so for an
 * outgoing call that never connected we use what a team lead reads off the call list:
 * - cancelled (the agent gave up while it rang), busy, and rejected with a 4xx/6xx (e.g. 480, 603)
 *   → 'missed': the customer was not reached and the callback is still owed. 'declined' stays
 *   reserved for the agent refusing a call, which a team lead watches as agent behaviour. Outbound
 *   'missed' does not touch the S-1 figures: those count inbound calls only.
 * - rejected with a 5xx → 'failed': the network, not the customer, refused; it belongs with
 *   signalling/media failures in the S-7 reliability (failure-rate) figure.
 * - replaced (RFC 3891: the conversation moved to another dialog) → 'transferred', so the
 *   conversation is not counted twice as answered.
 * The exact cause and SIP code stay in `call_events`.
 */
export function outcomeForEnd(cause: CallEndCause, sipCode: number | null): CallOutcome {
  switch (cause) {
    case 'completed':
      return 'answered';
    case 'transferred':
    case 'replaced':
      return 'transferred';
    case 'abandoned':
      return 'abandoned';
    case 'declined':
      return 'declined';
    case 'failed':
      return 'failed';
    case 'unanswered':
    case 'busy':
    case 'cancelled':
      return 'missed';
    case 'rejected':
      return sipCode !== null && sipCode >= 500 && sipCode <= 599 ? 'failed' : 'missed';
  }
}

type EndedEvent = Extract<CallEvent, { type: 'ended' }>;

const flag = (value: boolean): SqlFlag => (value ? 1 : 0);

/**
 * Folds one call's events into its `calls` row. Throws on input that cannot be one call's story
 * (another call's event, anything after 'ended', no 'offered'/'dialing' first, clock going
 * backwards, hold/resume out of step), since a wrong record is worse than none.
 *
 * A call without 'ended' is 'active' and its durations are as of its latest event, so the row only
 * grows as it is rewritten; once 'ended' arrives they are final.
 */
export function buildCallRecord(input: CallRecordInput): CallRecordRow {
  const { events } = input;
  const first = events[0];
  if (!first) throw new Error('A call record needs the call\'s events; none were given.');
  if (first.type !== 'offered' && first.type !== 'dialing') {
    throw new Error(`Call ${first.callId}: the first event must be 'offered' (inbound) or 'dialing' (outbound), not '${first.type}'.`);
  }
  const { callId, direction } = first;
  if ((first.type === 'offered') !== (direction === 'inbound')) {
    throw new Error(`Call ${callId}: '${first.type}' cannot start an ${direction} call.`);
  }

  let answeredAt: Stamp | null = null;
  let end: EndedEvent | null = null;
  let holdStartedAt: number | null = null;
  let holdMs = 0;
  let latest = first.at.monotonic;

  for (const [index, event] of events.entries()) {
    const where = `Call ${callId}, event ${index} ('${event.type}')`;
    if (event.callId !== callId) throw new Error(`${where} belongs to another call (${event.callId}).`);
    if (event.direction !== direction) throw new Error(`${where} says ${event.direction}, but the call is ${direction}.`);
    if (end) throw new Error(`${where} comes after 'ended'; an ended call has no more events.`);
    if (event.at.monotonic < latest) {
      throw new Error(`${where} is earlier on the monotonic clock (${event.at.monotonic}) than the event before it (${latest}): events must be in order.`);
    }
    latest = event.at.monotonic;
    switch (event.type) {
      case 'offered':
      case 'dialing':
        if (index > 0) throw new Error(`${where}: the call has already started.`);
        break;
      case 'answered':
        if (answeredAt) throw new Error(`${where}: the call was already answered.`);
        answeredAt = event.at;
        break;
      case 'held':
        if (!answeredAt) throw new Error(`${where}: only an answered call can be held.`);
        if (holdStartedAt !== null) throw new Error(`${where}: the call is already on hold.`);
        holdStartedAt = event.at.monotonic;
        break;
      case 'resumed':
        if (holdStartedAt === null) throw new Error(`${where}: the call is not on hold.`);
        holdMs += event.at.monotonic - holdStartedAt;
        holdStartedAt = null;
        break;
      case 'ended':
        end = event;
        break;
      default:
        break; // ringing, alerting, mute and transfer progress live in call_events only
    }
  }

  const { ring = null, wrapUp = null } = input;
  if (ring && direction === 'outbound') throw new Error(`Call ${callId}: a ring outcome belongs to an inbound call, not an outbound one.`);
  if (wrapUp && !end) throw new Error(`Call ${callId}: wrap-up starts at hang-up, but the call has not ended.`);

  const untilMonotonic = end ? end.at.monotonic : latest;
  // A hold still open at the end lasted until the end (the caller hung up on hold, or the transfer completed).
  if (holdStartedAt !== null) holdMs += untilMonotonic - holdStartedAt;
  const holdRounded = Math.round(holdMs);
  // Rounded as totals so that hold + talk is exactly the rounded answered→end time.
  const talkMs = answeredAt ? Math.round(untilMonotonic - answeredAt.monotonic) - holdRounded : 0;

  return {
    id: callId,
    agentId: input.agentId,
    direction,
    remoteNumber: first.remote.number,
    remoteName: first.remote.name,
    customerId: input.customerId ?? null,
    outcome: end ? outcomeForEnd(end.cause, end.sipCode) : 'active',
    startedAt: Math.round(first.at.wall),
    answeredAt: answeredAt ? Math.round(answeredAt.wall) : null,
    endedAt: end ? Math.round(end.at.wall) : null,
    ringCount: ring ? ring.rings : null,
    timeToAnswerMs: ring && ring.timeToAnswerMs !== null ? Math.round(ring.timeToAnswerMs) : null,
    answeredWithinThreeRings: ring ? flag(ring.answeredWithinThreeRings) : null,
    answeredBySecondRing: ring ? flag(ring.answeredBySecondRing) : null,
    holdMs: holdRounded,
    talkMs,
    wrapMs: wrapUp ? Math.round(wrapUp.durationMs) : 0,
    category: null,
    disposition: null,
    satisfaction: null,
    isComplaint: 0,
    notes: '',
    callerIdVerified: direction === 'inbound' ? flag(first.remote.verified === true) : null,
    anonymisedAt: null,
  };
}

/** The `call_events` table's columns, camelCased. */
export interface CallEventRow {
  callId: string;
  kind: CallEventType;
  atWall: number;
  atMonotonic: number;
  /** Every other field of the event (direction, remote, cause, by, sipCode, transfer target, …). */
  detailJson: string;
}

export function callEventRow(event: CallEvent): CallEventRow {
  const { callId, type, at, ...detail } = event;
  return { callId, kind: type, atWall: Math.round(at.wall), atMonotonic: at.monotonic, detailJson: JSON.stringify(detail) };
}
