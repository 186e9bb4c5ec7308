// One call's state machine: the single source of truth for its phase, timestamps and call events.
// Signalling adapters report facts (answered, held, ended by whom and how); this decides what they
// mean (e.g. a caller's CANCEL while ringing is "abandoned", S-1) and stamps every event.
import type {
  CallDirection,
  CallEndCause,
  CallEvent,
  CallParty,
  CallPhase,
  CallView,
  RemoteParty,
  Stamp,
  TransferKind,
} from '../contract/softphone';
import type { Clock } from './clock';

export type { CallEvent, CallEventType, CallView, CallEndCause, CallParty, CallPhase, Stamp } from '../contract/softphone';

/** How the signalling ended, as the SIP layer saw it. */
export type EndReason =
  | 'bye' // BYE in an established dialog
  | 'cancel' // the caller's CANCEL of a ringing inbound call / our CANCEL of an outbound call
  | 'reject' // a final 3xx-6xx response to the INVITE (sent by us or received)
  | 'transferred' // our leg was released because a transfer completed
  | 'replaced' // an INVITE with Replaces took this dialog over
  | 'media' // the call's audio could not be set up
  | 'error'; // transport/timeout failure

export class InvalidCallTransition extends Error {
  constructor(
    readonly callId: string,
    readonly from: CallPhase,
    readonly action: string,
  ) {
    super(`Cannot ${action} call ${callId} while it is ${from}.`);
    this.name = 'InvalidCallTransition';
  }
}

/**
 * The cause recorded for an ended call, from its phase and how signalling ended. Pure, so the
 * rules are easy to read and test: e.g. a ringing inbound call ended by the caller is abandoned.
 */
export function endCauseFor(
  phase: CallPhase,
  direction: CallDirection,
  by: CallParty,
  reason: EndReason,
  sipCode: number | null,
): CallEndCause {
  if (reason === 'transferred') return 'transferred';
  if (reason === 'replaced') return 'replaced';
  if (reason === 'error' || reason === 'media') return 'failed';
  if (phase === 'active' || phase === 'held') return 'completed';
  // Not answered yet.
  if (direction === 'inbound') {
    if (by === 'remote') return 'abandoned';
    if (sipCode === 486 || sipCode === 600) return 'busy';
    return by === 'local' ? 'declined' : 'unanswered';
  }
  if (by === 'local') return 'cancelled';
  if (sipCode === 486 || sipCode === 600) return 'busy';
  return 'rejected';
}

export interface CallInit {
  callId: string;
  direction: CallDirection;
  remote: RemoteParty;
  /** Inbound call arriving while another call is in progress. */
  waiting?: boolean;
  /** For a consult call of an attended transfer. */
  consultFor?: string | null;
}

export type CallEventListener = (event: CallEvent, view: CallView) => void;

export class CallStateMachine {
  private phase: CallPhase = 'idle';
  private muted = false;
  private transfer: CallView['transfer'] = null;
  private offeredAt: Stamp;
  private ringingAt: Stamp | null = null;
  private answeredAt: Stamp | null = null;
  private endedAt: Stamp | null = null;
  private end: CallView['end'] = null;

  constructor(
    private readonly clock: Clock,
    private readonly init: CallInit,
    private readonly listener: CallEventListener,
  ) {
    this.offeredAt = this.stamp();
  }

  get callId(): string {
    return this.init.callId;
  }

  get direction(): CallDirection {
    return this.init.direction;
  }

  current(): CallPhase {
    return this.phase;
  }

  isMuted(): boolean {
    return this.muted;
  }

  isLive(): boolean {
    return this.phase !== 'idle' && this.phase !== 'ended';
  }

  view(): CallView {
    return {
      callId: this.init.callId,
      direction: this.init.direction,
      phase: this.phase,
      remote: this.init.remote,
      muted: this.muted,
      waiting: this.init.waiting ?? false,
      consultFor: this.init.consultFor ?? null,
      transfer: this.transfer,
      offeredAt: this.offeredAt,
      ringingAt: this.ringingAt,
      answeredAt: this.answeredAt,
      endedAt: this.endedAt,
      end: this.end,
    };
  }

  /** Inbound: the INVITE arrived and the agent is being alerted (offered + ringing, S-1.3). */
  offer(): void {
    this.expect('offer', ['idle'], 'inbound');
    this.offeredAt = this.stamp();
    this.phase = 'ringing';
    this.emit({ type: 'offered', remote: this.init.remote, waiting: this.init.waiting ?? false }, this.offeredAt);
    this.ringingAt = this.stamp();
    this.emit({ type: 'ringing' }, this.ringingAt);
  }

  /** Outbound: the INVITE was sent. */
  dial(): void {
    this.expect('dial', ['idle'], 'outbound');
    this.offeredAt = this.stamp();
    this.phase = 'dialing';
    this.emit({ type: 'dialing', remote: this.init.remote }, this.offeredAt);
  }

  /** Outbound: the far end is alerting (180/183). Repeated provisional responses emit once. */
  alerting(): void {
    this.expect('mark alerting', ['dialing'], 'outbound');
    if (this.ringingAt) return;
    this.ringingAt = this.stamp();
    this.emit({ type: 'alerting' }, this.ringingAt);
  }

  /** Inbound: we answered (200 OK sent); outbound: the far end answered. */
  answered(): void {
    this.expect('answer', ['ringing', 'dialing']);
    this.phase = 'active';
    this.answeredAt = this.stamp();
    this.emit({ type: 'answered' }, this.answeredAt);
  }

  /** The hold re-INVITE was accepted. */
  held(): void {
    this.expect('hold', ['active']);
    this.phase = 'held';
    this.emit({ type: 'held' });
  }

  /** The resume re-INVITE was accepted. */
  resumed(): void {
    this.expect('resume', ['held']);
    this.phase = 'active';
    this.emit({ type: 'resumed' });
  }

  setMuted(muted: boolean): void {
    this.expect(muted ? 'mute' : 'unmute', ['active', 'held']);
    if (this.muted === muted) return;
    this.muted = muted;
    this.emit({ type: muted ? 'muted' : 'unmuted' });
  }

  transferStarted(kind: TransferKind, target: string): void {
    this.expect('transfer', ['active', 'held']);
    if (this.transfer?.status === 'trying') throw new InvalidCallTransition(this.callId, this.phase, 'start a second transfer of');
    this.transfer = { kind, target, status: 'trying' };
    this.emit({ type: 'transferStarted', kind, target });
  }

  transferCompleted(): void {
    const transfer = this.requireTransfer('complete the transfer of');
    this.transfer = { ...transfer, status: 'completed' };
    this.emit({ type: 'transferCompleted', kind: transfer.kind, target: transfer.target });
  }

  transferFailed(reason: string): void {
    const transfer = this.requireTransfer('fail the transfer of');
    this.transfer = { ...transfer, status: 'failed' };
    this.emit({ type: 'transferFailed', kind: transfer.kind, target: transfer.target, reason });
  }

  /** The call is over. Ending an ended call is ignored (BYE and transport errors can race). */
  ended(by: CallParty, reason: EndReason, sipCode: number | null = null): void {
    if (this.phase === 'ended') return;
    const cause =
      this.transfer?.status === 'completed' && reason === 'bye'
        ? 'transferred'
        : endCauseFor(this.phase, this.init.direction, by, reason, sipCode);
    this.phase = 'ended';
    this.endedAt = this.stamp();
    const failure = cause !== 'failed' ? undefined : reason === 'media' ? 'media' : 'error';
    this.end = failure ? { cause, by, sipCode, failure } : { cause, by, sipCode };
    this.emit(failure ? { type: 'ended', cause, by, sipCode, failure } : { type: 'ended', cause, by, sipCode }, this.endedAt);
  }

  /** Throws unless the call is in one of `phases` (for commands, before any signalling). */
  expect(action: string, phases: readonly CallPhase[], direction?: CallDirection): void {
    if (!phases.includes(this.phase) || (direction && direction !== this.init.direction)) {
      throw new InvalidCallTransition(this.callId, this.phase, action);
    }
  }

  private requireTransfer(action: string): NonNullable<CallView['transfer']> {
    if (!this.transfer || this.transfer.status !== 'trying') {
      throw new InvalidCallTransition(this.callId, this.phase, action);
    }
    return this.transfer;
  }

  private stamp(): Stamp {
    return { monotonic: this.clock.monotonicNow(), wall: this.clock.wallNow() };
  }

  private emit(details: DistributiveOmit<CallEvent, 'callId' | 'direction' | 'at'>, at: Stamp = this.stamp()): void {
    const event = { ...details, callId: this.init.callId, direction: this.init.direction, at } as CallEvent;
    this.listener(event, this.view());
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
