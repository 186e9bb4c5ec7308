// The calls of the sip.js phone: tracking each Inviter/Invitation session, incoming INVITEs (ring
// or refuse), dial, answer, reject and hang up; what a tracked call can do is in SipCallControl.
import { Invitation, Inviter, SessionState, UserAgent, type Session, type URI } from 'sip.js';
import type { DtmfMode } from '../../../shared/contract/softphone';
import { MediaFailedError, type SipAccount, type SipPortListener } from '../../core/softphone/ports';
import { callerIdentity } from './assertedIdentity';
import type { CallRecord } from './callRecord';
import { errorMessage } from './errorMessage';
import { sdpOffer, unsupportedRequirements } from './incomingInvite';
import { remotePartyOf } from './remoteParty';
import { sessionTimerOf } from './sessionTimer';
import { SipCallControl } from './sipCallControl';
import type { SipJsPhoneOptions } from './sipJsPhoneOptions';

/** What the calls read from the phone that owns the UserAgent and the account. */
export interface CallsHost {
  /** The running UserAgent; throws when the phone is not started. */
  requireUa(): UserAgent;
  account(): SipAccount | null;
  listener(): SipPortListener;
}

export class SipCalls {
  private readonly calls = new Map<string, CallRecord>();
  private readonly control: SipCallControl;

  constructor(
    private readonly options: SipJsPhoneOptions,
    private readonly host: CallsHost,
  ) {
    this.control = new SipCallControl(options, () => host.listener());
  }

  /** The media of a call could not be set up: remembered, so the call ends as a media failure. */
  noteMediaFailure(sessionId: string, error: unknown): void {
    const record = this.calls.get(sessionId);
    if (record) record.mediaFailure ??= errorMessage(error);
    this.options.logger.warn('Call media could not be set up', { callId: sessionId, error: errorMessage(error) });
  }

  /** Hang up every call still tracked (the phone is stopping); failures are ignored. */
  async hangUpAll(): Promise<void> {
    for (const [callId] of this.calls) await this.hangUp(callId).catch(() => undefined);
  }

  private track(session: Session, direction: 'inbound' | 'outbound'): CallRecord {
    let markAcked!: () => void;
    const acked = new Promise<void>((resolve) => (markAcked = resolve));
    const record: CallRecord = {
      session,
      direction,
      established: false,
      held: false,
      acked,
      markAcked,
      end: null,
      transferPending: false,
      mediaFailure: null,
      refreshTimer: null,
    };
    this.calls.set(session.id, record);
    session.delegate = {
      onAck: () => record.markAcked(),
      onBye: (bye) => {
        record.end ??= { by: 'remote', reason: 'bye', sipCode: null };
        void bye.accept();
      },
      onCancel: () => {
        record.end ??= { by: 'remote', reason: 'cancel', sipCode: 487 };
      },
      onInfo: (info) => void info.accept(),
      // We are never transferred by the far end in this workstation: refuse rather than follow.
      onRefer: (referral) => void referral.reject({ statusCode: 603 }),
    };
    session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        record.established = true;
        if (direction === 'outbound') record.markAcked(); // sip.js sends the ACK before this fires
        this.host.listener().onCallEstablished(session.id);
      } else if (state === SessionState.Terminated) {
        if (record.refreshTimer) this.options.clock.clearTimer(record.refreshTimer);
        this.calls.delete(session.id);
        this.options.media.discardPrepared?.(session.id);
        // sip.js moves to Terminated before it calls the request delegate's onReject (which
        // tells us the status code): read the outcome once that synchronous step has run.
        queueMicrotask(() => {
          const end = record.end ?? { by: 'system' as const, reason: record.mediaFailure ? ('media' as const) : ('error' as const), sipCode: null };
          this.host.listener().onCallEnded(session.id, end.by, end.reason, end.sipCode);
        });
      }
    });
    return record;
  }

  /**
   * sip.js calls this from its transport's message handler (we send the 180 ourselves, once the
   * offer is known to be answerable): whatever fails in our handling must end here, as a SIP error
   * to the caller, never as an uncaught error (which ends the host) nor as a call left ringing at
   * the caller with no desk behind it.
   */
  receiveInvite(invitation: Invitation): void {
    // A call sip.js has already ended (it refused it itself) must not be announced: it would stay
    // ringing at the desk for good.
    if (invitation.state === SessionState.Terminated) {
      this.options.logger.warn('Incoming call ended before it could ring', { callId: invitation.id });
      return;
    }
    try {
      this.onInvite(invitation);
    } catch (error) {
      this.options.logger.error('Incoming call could not be handled; refused with 500', {
        callId: invitation.id,
        error: errorMessage(error),
      });
      this.refuseInvite(invitation, 500);
    }
  }

  private refuseInvite(invitation: Invitation, statusCode: number, extraHeaders: string[] = []): void {
    const record = this.calls.get(invitation.id);
    if (record?.session === invitation) record.end = { by: 'system', reason: 'error', sipCode: statusCode };
    if (invitation.state !== SessionState.Initial && invitation.state !== SessionState.Establishing) return;
    try {
      invitation
        .reject({ statusCode, extraHeaders })
        .catch((error: unknown) => this.options.logger.warn(`Could not send ${statusCode}`, { error: errorMessage(error) }));
    } catch (error) {
      this.options.logger.warn(`Could not send ${statusCode}`, { error: errorMessage(error) });
    }
  }

  private onInvite(invitation: Invitation): void {
    // sip.js does not check Require (it would ring and then fail on answer): refuse what we lack.
    const unsupported = unsupportedRequirements(invitation.request.getHeaders('require'));
    if (unsupported.length > 0) {
      this.options.logger.warn('Incoming call requires unsupported SIP extensions; refused with 420', { unsupported });
      // Only well-formed option tags are echoed: the header must not carry what the caller chose.
      const tags = unsupported.filter((tag) => /^[\w.!%*+`'~-]{1,32}$/.test(tag));
      this.refuseInvite(invitation, 420, tags.length > 0 ? [`Unsupported: ${tags.join(', ')}`] : []);
      return;
    }
    const offer = sdpOffer(invitation);
    const verdict = offer ? this.options.media.checkOffer?.(offer) : undefined;
    // S-6: verified only when the configured server asserts it (RFC 3325; see assertedIdentity.ts).
    const remote = callerIdentity(
      remotePartyOf(invitation.remoteIdentity.uri, invitation.remoteIdentity.displayName),
      invitation.request,
      this.host.account()?.serverAssertsIdentity === true,
    );
    if (verdict?.refusal) {
      // 488 Not Acceptable Here: the caller's network tries elsewhere or plays an announcement;
      // a 480 after ringing would tell a queue that the agent is unavailable.
      this.options.logger.warn('Incoming call refused on arrival: its offer cannot be answered', {
        callId: invitation.id,
        reason: verdict.refusal,
        offeredCodecs: verdict.offeredCodecs.join(' '),
      });
      this.refuseInvite(invitation, 488);
      this.host.listener().onCallRefused({ remote, reason: verdict.refusal, offeredCodecs: verdict.offeredCodecs });
      return;
    }
    void invitation.progress().catch((error: unknown) => this.options.logger.warn('180 Ringing could not be sent', { error: errorMessage(error) }));
    const record = this.track(invitation, 'inbound');
    const replacee = invitation.replacee;
    if (replacee) {
      const replaced = this.calls.get(replacee.id);
      if (replaced) replaced.end = { by: 'remote', reason: 'replaced', sipCode: null };
    }
    this.host.listener().onIncomingCall({ callId: invitation.id, remote, replacesCallId: replacee?.id ?? null });
    // The answer is built while the phone rings, so Answer only has to send the 200 OK. Asked for
    // after the call is announced: the ringing banner goes out first. Not for a call that will not
    // ring: one taken at once (it replaces a call we have) or refused at once (busy, call waiting).
    const willRing = !replacee && record.end === null;
    if (willRing && offer) {
      this.options.media.prepareAnswer?.(invitation.id, offer, { iceServers: this.host.account()?.iceServers ?? [] });
    }
  }

  async dial(target: string, onCreated: (callId: string) => void = () => undefined): Promise<string> {
    const ua = this.host.requireUa();
    const uri = this.targetUri(target);
    // earlyMedia: a 183 with SDP (the network's ringback tone, an IVR's prompt) is played while
    // dialling; the 200 OK's answer is then the same one, as RFC 3261 §13.2.1 requires.
    const inviter = new Inviter(ua, uri, { sessionDescriptionHandlerOptions: { hold: false } as object, earlyMedia: true });
    const record = this.track(inviter, 'outbound');
    onCreated(inviter.id);
    await inviter.invite({
      requestDelegate: {
        onProgress: (response) => {
          const code = response.message.statusCode ?? 0;
          if (code === 180 || code === 183) this.host.listener().onCallAlerting(inviter.id);
        },
        onReject: (response) => {
          record.end ??= { by: 'remote', reason: 'reject', sipCode: response.message.statusCode ?? null };
        },
      },
    });
    return inviter.id;
  }

  /** A dialled target: a full sip: URI as is, otherwise a user at the account's domain. */
  targetUri(target: string): URI {
    const trimmed = target.trim();
    const account = this.host.account();
    const domain = account ? UserAgent.makeURI(account.sipUri)?.host : undefined;
    const text = /^sips?:/.test(trimmed) ? trimmed : `sip:${trimmed}@${domain ?? 'invalid'}`;
    const uri = UserAgent.makeURI(text);
    if (!uri) throw new Error(`Not a dialable target: ${target}`);
    return uri;
  }

  async answer(callId: string): Promise<void> {
    const record = this.requireCall(callId);
    if (!(record.session instanceof Invitation)) throw new Error('Only incoming calls can be answered.');
    const timer = sessionTimerOf(record.session.request);
    try {
      await record.session.accept({
        sessionDescriptionHandlerOptions: { hold: false } as object,
        extraHeaders: timer ? [`Session-Expires: ${timer.seconds};refresher=${timer.refresher}`, 'Require: timer'] : [],
      });
      if (timer?.refresher === 'uas') this.control.armSessionRefresh(record, timer.seconds);
    } catch (error) {
      if (record.mediaFailure) throw new MediaFailedError(record.mediaFailure);
      throw error;
    }
  }

  async reject(callId: string, statusCode: number): Promise<void> {
    const record = this.requireCall(callId);
    if (!(record.session instanceof Invitation)) throw new Error('Only incoming calls can be rejected.');
    record.end = { by: 'local', reason: 'reject', sipCode: statusCode };
    await record.session.reject({ statusCode });
  }

  async hangUp(callId: string): Promise<void> {
    const record = this.requireCall(callId);
    const session = record.session;
    record.end ??= { by: 'local', reason: record.established ? 'bye' : 'cancel', sipCode: record.established ? null : 487 };
    if (session.state === SessionState.Established) {
      await session.bye();
    } else if (session instanceof Inviter) {
      await session.cancel();
    } else if (session instanceof Invitation) {
      await session.reject({ statusCode: 480 });
    }
  }

  async setHold(callId: string, hold: boolean): Promise<void> {
    await this.control.setHold(this.requireCall(callId), hold);
  }

  async renegotiateMedia(callId: string): Promise<void> {
    await this.control.renegotiateMedia(this.requireCall(callId));
  }

  async setMuted(callId: string, muted: boolean): Promise<void> {
    await this.control.setMuted(this.requireCall(callId), muted);
  }

  async sendDtmf(callId: string, tones: string, mode: DtmfMode): Promise<void> {
    await this.control.sendDtmf(this.requireCall(callId), tones, mode);
  }

  async blindTransfer(callId: string, target: string): Promise<void> {
    const record = this.requireCall(callId);
    await this.control.refer(record, this.targetUri(target));
  }

  async attendedTransfer(callId: string, consultCallId: string): Promise<void> {
    const record = this.requireCall(callId);
    const consult = this.requireCall(consultCallId);
    if (consult.session.state !== SessionState.Established) throw new Error('The consult call is not answered yet.');
    await this.control.refer(record, consult.session);
  }

  private requireCall(callId: string): CallRecord {
    const record = this.calls.get(callId);
    if (!record) throw new Error(`No such call: ${callId}`);
    return record;
  }
}
