// SipPort over sip.js 0.21 in Node: one UserAgent + Registerer over a `ws` WebSocket, our own
// reconnect-with-backoff, and call control on Inviter/Invitation sessions whose media is a MediaPort.
import {
  Invitation,
  Inviter,
  Registerer,
  RegistererState,
  RequestPendingError,
  SIPExtension,
  SessionState,
  UserAgent,
  type Core,
  type Notification,
  type Session,
  type URI,
} from 'sip.js';
import type { DtmfMode, IceServer, RegistrationStatus } from '../../../shared/contract/softphone';
import { cleanSipText } from '../../../shared/domain/callerIdText';
import type { CallParty, EndReason } from '../../../shared/domain/callStateMachine';
import type { Clock, TimerHandle } from '../../../shared/domain/clock';
import type { Logger } from '../../core/ports';
import { MediaFailedError, type MediaPort, type SipAccount, type SipPort, type SipPortListener } from '../../core/softphone/ports';
import { guardedSipListener } from './guardedSipListener';
import { guardIncomingRequests, type IncomingRequestGuard } from './incomingRequestGuard';
import { MediaPortSessionDescriptionHandler, mediaPortHandlerFactory } from './mediaPortSessionDescriptionHandler';
import { installSipWebSocket } from './nodeWebSocket';
import { callerIdentity } from './assertedIdentity';
import { remotePartyOf } from './remoteParty';
import { probeServer } from './serverReachability';
import { installSipUriUserEscape } from './sipUriUserEscape';

export interface SipJsPhoneOptions {
  media: MediaPort;
  clock: Clock;
  logger: Logger;
  /** Registration lifetime asked for; sip.js refreshes at `refreshPercent` of what was granted. */
  registerExpiresSec?: number;
  refreshPercent?: number;
  /** Reconnect backoff: first delay, cap, and up to +20 % jitter so agents don't reconnect in step. */
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  /** Seconds to wait for the WebSocket to open. */
  connectTimeoutSec?: number;
  /** How long hold/resume waits for the ACK of our 200 OK before giving up. */
  ackWaitMs?: number;
  /** Is the server reachable again? (default: a TCP connect to the WebSocket URL's host:port). */
  probe?: (serverUrl: string) => Promise<boolean>;
  /** While the server is unreachable it is probed this often (+ up to 20 % jitter). */
  probeIntervalMs?: number;
  /** Once it answers again, the REGISTER goes out within this random spread (desks not in step). */
  probeSpreadMs?: number;
}

interface CallRecord {
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

const noopListener: SipPortListener = {
  onRegistration: () => undefined,
  onIncomingCall: () => undefined,
  onCallRefused: () => undefined,
  onCallAlerting: () => undefined,
  onCallEstablished: () => undefined,
  onCallEnded: () => undefined,
  onTransferProgress: () => undefined,
};

export class SipJsPhone implements SipPort {
  private listener: SipPortListener = noopListener;
  private ua: UserAgent | null = null;
  private registerer: Registerer | null = null;
  private account: SipAccount | null = null;
  /** Bumped by start/stop so callbacks of an older UserAgent are ignored. */
  private generation = 0;
  private running = false;
  private authFailed = false;
  private attempt = 0;
  private retryTimer: TimerHandle | null = null;
  /** Reachability probing while the server is down: see startProbing. */
  private probeTimer: TimerHandle | null = null;
  private lastReachable: boolean | null = null;
  private probeAfterDrop = false;
  private status: RegistrationStatus = { kind: 'unregistered' };
  private readonly calls = new Map<string, CallRecord>();
  private readonly expiresSec: number;
  private readonly refreshPercent: number;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;
  private readonly random: () => number;

  constructor(private readonly options: SipJsPhoneOptions) {
    installSipWebSocket();
    installSipUriUserEscape();
    this.expiresSec = options.registerExpiresSec ?? 300;
    this.refreshPercent = options.refreshPercent ?? 90;
    this.backoffInitialMs = options.backoffInitialMs ?? 1000;
    this.backoffMaxMs = options.backoffMaxMs ?? 30_000;
    this.random = options.random ?? Math.random;
  }

  setListener(listener: SipPortListener): void {
    this.listener = guardedSipListener(listener, this.options.logger);
  }

  registration(): RegistrationStatus {
    return this.status;
  }

  // ---------- registration ----------

  async start(account: SipAccount): Promise<void> {
    await this.stop();
    const generation = ++this.generation;
    const uri = UserAgent.makeURI(account.sipUri);
    if (!uri || !uri.user) {
      this.setStatus({ kind: 'failed', reason: 'config', message: `Invalid SIP URI: ${account.sipUri}`, sipCode: null, retryInMs: null });
      return;
    }
    this.account = account;
    this.running = true;
    this.authFailed = false;
    this.attempt = 0;
    let ua: UserAgent;
    let wireGuard: IncomingRequestGuard | null = null;
    try {
      ua = new UserAgent({
        uri,
        displayName: account.displayName || undefined,
        authorizationUsername: account.authUser || uri.user,
        authorizationPassword: account.password,
        transportOptions: { server: account.serverUrl, connectionTimeout: this.options.connectTimeoutSec ?? 5, keepAliveInterval: 0 },
        // Our own backoff below: sip.js's fixed-interval reconnection would also fight it.
        reconnectionAttempts: 0,
        sipExtensionReplaces: SIPExtension.Supported,
        sessionDescriptionHandlerFactory: mediaPortHandlerFactory(
          this.options.media,
          () => this.account?.iceServers ?? ([] as IceServer[]),
          (error) => this.options.logger.warn('Media request failed', { error: String(error) }),
          (sessionId, error) => {
            const record = this.calls.get(sessionId);
            if (record) record.mediaFailure ??= errorMessage(error);
            this.options.logger.warn('Call media could not be set up', { callId: sessionId, error: errorMessage(error) });
          },
        ),
        // 180 Ringing is sent by onInvite once the offer is known to be answerable: an impossible
        // call is refused with 488 instead of ringing first (issue 20).
        sendInitialProvisionalResponse: false,
        // sip.js would reject an unanswered call with 480 after 60 s; ring policy belongs to the core.
        noAnswerTimeout: 3600,
        userAgentString: 'Deskline',
        logBuiltinEnabled: false,
        logLevel: 'error',
        logConnector: (level, category, _label, content) => {
          wireGuard?.sipJsLogged(level, category);
          if (level === 'error') this.options.logger.warn(`sip.js ${category}: ${content}`);
        },
        delegate: {
          onInvite: (invitation) => this.receiveInvite(invitation),
          onDisconnect: (error) => {
            if (generation !== this.generation || !this.running) return;
            this.options.logger.warn('SIP connection lost', { error: error?.message ?? null });
            this.scheduleReconnect();
          },
        },
      });
    } catch (error) {
      // e.g. sip.js rejects a malformed server URL in the transport constructor.
      this.running = false;
      this.setStatus({ kind: 'failed', reason: 'config', message: errorMessage(error), sipCode: null, retryInMs: null });
      return;
    }
    wireGuard = guardIncomingRequests(ua, this.options.logger);
    this.ua = ua;
    this.registerer = new Registerer(ua, { expires: this.expiresSec, refreshFrequency: this.refreshPercent });
    this.registerer.stateChange.addListener((state) => {
      if (generation !== this.generation || !this.running) return;
      // A refresh sip.js sent on its own that failed leaves us unregistered: try again later.
      if (state === RegistererState.Unregistered && this.status.kind === 'registered') {
        this.scheduleRetry('rejected', 'Registration refresh failed', null);
      }
    });
    await this.connectAndRegister(generation);
  }

  async stop(): Promise<void> {
    this.generation++;
    this.running = false;
    this.clearRetry();
    this.stopProbing();
    const ua = this.ua;
    const registerer = this.registerer;
    this.ua = null;
    this.registerer = null;
    if (ua) {
      if (registerer && registerer.state === RegistererState.Registered && ua.isConnected()) {
        await withTimeout(this.options.clock, registerer.unregister().then(() => undefined), 2000).catch(() => undefined);
      }
      // Hang up what is left so the far ends are not left with dead calls.
      for (const [callId] of this.calls) await this.hangUp(callId).catch(() => undefined);
      await withTimeout(this.options.clock, ua.stop(), 3000).catch(() => undefined);
    }
    if (this.status.kind !== 'unregistered') this.setStatus({ kind: 'unregistered' });
  }

  reconnectNow(): void {
    if (!this.running || this.authFailed || !this.ua) return;
    this.clearRetry();
    this.attempt = 0;
    void this.connectAndRegister(this.generation);
  }

  private async connectAndRegister(generation: number): Promise<void> {
    const ua = this.ua;
    if (!ua || generation !== this.generation) return;
    this.setStatus({ kind: 'connecting', attempt: this.attempt });
    try {
      if (!ua.isConnected()) await (ua.state === 'Started' ? ua.reconnect() : ua.start());
    } catch (error) {
      if (generation !== this.generation) return;
      this.scheduleRetry('unreachable', `Cannot reach ${this.account?.serverUrl}: ${errorMessage(error)}`, null);
      return;
    }
    if (generation !== this.generation) return;
    await this.sendRegister(generation);
  }

  private async sendRegister(generation: number): Promise<void> {
    const registerer = this.registerer;
    if (!registerer) return;
    const outcome = await new Promise<{ ok: true; expires: number } | { ok: false; code: number; reason: string }>((resolve) => {
      registerer
        .register({
          requestDelegate: {
            onAccept: (response) => resolve({ ok: true, expires: this.grantedExpires(response) }),
            onReject: (response) =>
              resolve({ ok: false, code: response.message.statusCode ?? 0, reason: cleanSipText(response.message.reasonPhrase) }),
          },
        })
        .catch((error: unknown) => {
          if (error instanceof RequestPendingError) {
            // A REGISTER from before a drop is still pending: try again shortly.
            resolve({ ok: false, code: -1, reason: 'A REGISTER is still pending' });
            return;
          }
          resolve({ ok: false, code: 0, reason: errorMessage(error) });
        });
    });
    if (generation !== this.generation) return;
    if (outcome.ok) {
      this.attempt = 0;
      this.stopProbing();
      this.setStatus({ kind: 'registered', sinceWall: this.options.clock.wallNow(), expiresSec: outcome.expires });
      return;
    }
    if (outcome.code === 401 || outcome.code === 403 || outcome.code === 407) {
      // Wrong credentials: report once and stop; retrying would only lock the account.
      this.authFailed = true;
      this.clearRetry();
      this.setStatus({
        kind: 'failed',
        reason: 'auth',
        message: `Registration refused: ${outcome.code} ${outcome.reason}`.trim(),
        sipCode: outcome.code,
        retryInMs: null,
      });
      return;
    }
    if (outcome.code === -1) {
      this.armRetry(this.backoffInitialMs);
      return;
    }
    if (outcome.code === 0 && !this.ua?.isConnected()) {
      this.scheduleRetry('unreachable', outcome.reason, null);
      return;
    }
    this.scheduleRetry('rejected', `Registration failed: ${outcome.code} ${outcome.reason}`.trim(), outcome.code || null);
  }

  private grantedExpires(response: Core.IncomingResponse): number {
    // Kamailio lists every binding of the AOR; ours is the one with our contact's user part.
    const ownUser = this.ua?.contact.uri.user ?? '';
    for (const contact of response.message.getHeaders('contact')) {
      if (ownUser && !contact.includes(ownUser)) continue;
      const match = /;\s*expires=(\d+)/i.exec(contact);
      if (match) return Math.max(1, Number(match[1]));
    }
    const header = Number(response.message.getHeader('expires'));
    return Number.isFinite(header) && header > 0 ? header : this.expiresSec;
  }

  private scheduleRetry(reason: 'unreachable' | 'rejected', message: string, sipCode: number | null): void {
    if (!this.running || this.authFailed) return;
    const delay = this.nextDelay();
    this.setStatus({ kind: 'failed', reason, message, sipCode, retryInMs: delay });
    this.armRetry(delay);
    // A server that answered with an error is up: only the backoff applies. One we could not
    // reach is watched, so the REGISTER goes out as soon as it is back.
    if (reason === 'unreachable') this.startProbing(false);
  }

  private scheduleReconnect(): void {
    const delay = this.nextDelay();
    this.setStatus({ kind: 'connecting', attempt: this.attempt });
    this.armRetry(delay);
    this.startProbing(true);
  }

  /**
   * Issue 21: the backoff grows to 30 s, so a desk could stay unregistered that long after a PBX
   * restart and miss the calls offered meanwhile. While the server is unreachable, a cheap probe
   * (a TCP connect) runs every second; the full connect + REGISTER goes out once the server
   * answers again: after it was seen down, or at the first probe after the connection dropped.
   * A server that accepts TCP but keeps failing the WebSocket or REGISTER is left to the backoff.
   */
  private startProbing(afterDrop: boolean): void {
    this.probeAfterDrop ||= afterDrop;
    if (this.probeTimer || !this.running || this.authFailed) return;
    this.lastReachable = null;
    this.armProbe();
  }

  private armProbe(): void {
    const generation = this.generation;
    const delay = Math.round((this.options.probeIntervalMs ?? 1000) * (1 + 0.2 * this.random()));
    this.probeTimer = this.options.clock.setTimer(() => {
      this.probeTimer = null;
      void this.runProbe(generation);
    }, delay);
  }

  private async runProbe(generation: number): Promise<void> {
    const serverUrl = this.account?.serverUrl;
    const stillNeeded = () => generation === this.generation && this.running && !this.authFailed && this.status.kind !== 'registered';
    if (!serverUrl || !stillNeeded()) return;
    const reachable = await (this.options.probe ?? probeServer)(serverUrl).catch(() => false);
    if (!stillNeeded()) return;
    const cameBack = reachable && (this.lastReachable === false || (this.lastReachable === null && this.probeAfterDrop));
    this.lastReachable = reachable;
    if (cameBack) {
      this.probeAfterDrop = false;
      this.attempt = 0;
      this.options.logger.info('SIP server reachable again: registering now', { serverUrl });
      this.armRetry(Math.round((this.options.probeSpreadMs ?? 500) * this.random()));
    }
    this.armProbe();
  }

  private stopProbing(): void {
    if (this.probeTimer) this.options.clock.clearTimer(this.probeTimer);
    this.probeTimer = null;
    this.probeAfterDrop = false;
  }

  private nextDelay(): number {
    const base = Math.min(this.backoffMaxMs, this.backoffInitialMs * 2 ** Math.min(this.attempt, 16));
    this.attempt++;
    return Math.round(base * (1 + 0.2 * this.random()));
  }

  private armRetry(delay: number): void {
    this.clearRetry();
    const generation = this.generation;
    this.retryTimer = this.options.clock.setTimer(() => {
      this.retryTimer = null;
      void this.connectAndRegister(generation);
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) this.options.clock.clearTimer(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: RegistrationStatus): void {
    this.status = status;
    this.listener.onRegistration(status);
  }

  // ---------- calls ----------

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
        this.listener.onCallEstablished(session.id);
      } else if (state === SessionState.Terminated) {
        if (record.refreshTimer) this.options.clock.clearTimer(record.refreshTimer);
        this.calls.delete(session.id);
        this.options.media.discardPrepared?.(session.id);
        // sip.js moves to Terminated before it calls the request delegate's onReject (which
        // tells us the status code): read the outcome once that synchronous step has run.
        queueMicrotask(() => {
          const end = record.end ?? { by: 'system' as const, reason: record.mediaFailure ? ('media' as const) : ('error' as const), sipCode: null };
          this.listener.onCallEnded(session.id, end.by, end.reason, end.sipCode);
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
  private receiveInvite(invitation: Invitation): void {
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
      this.account?.serverAssertsIdentity === true,
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
      this.listener.onCallRefused({ remote, reason: verdict.refusal, offeredCodecs: verdict.offeredCodecs });
      return;
    }
    void invitation.progress().catch((error: unknown) => this.options.logger.warn('180 Ringing could not be sent', { error: errorMessage(error) }));
    const record = this.track(invitation, 'inbound');
    const replacee = invitation.replacee;
    if (replacee) {
      const replaced = this.calls.get(replacee.id);
      if (replaced) replaced.end = { by: 'remote', reason: 'replaced', sipCode: null };
    }
    this.listener.onIncomingCall({ callId: invitation.id, remote, replacesCallId: replacee?.id ?? null });
    // The answer is built while the phone rings, so Answer only has to send the 200 OK. Asked for
    // after the call is announced: the ringing banner goes out first. Not for a call that will not
    // ring: one taken at once (it replaces a call we have) or refused at once (busy, call waiting).
    const willRing = !replacee && record.end === null;
    if (willRing && offer) {
      this.options.media.prepareAnswer?.(invitation.id, offer, { iceServers: this.account?.iceServers ?? [] });
    }
  }

  async dial(target: string, onCreated: (callId: string) => void = () => undefined): Promise<string> {
    const ua = this.requireUa();
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
          if (code === 180 || code === 183) this.listener.onCallAlerting(inviter.id);
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
    const domain = this.account ? UserAgent.makeURI(this.account.sipUri)?.host : undefined;
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
      if (timer?.refresher === 'uas') this.armSessionRefresh(record, timer.seconds);
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

  /**
   * RFC 4028 §10: the far end asked us to refresh the session; a re-INVITE with the current
   * direction every half interval keeps it (and the proxies' state) alive.
   */
  private armSessionRefresh(record: CallRecord, seconds: number): void {
    record.refreshTimer = this.options.clock.setTimer(() => {
      record.refreshTimer = null;
      if (record.session.state !== SessionState.Established) return;
      void this.reinvite(record, { hold: record.held } as object).then(
        () => this.armSessionRefresh(record, seconds),
        (error: unknown) => this.options.logger.warn('Session refresh failed', { callId: record.session.id, error: errorMessage(error) }),
      );
    }, (seconds * 1000) / 2);
  }

  async setHold(callId: string, hold: boolean): Promise<void> {
    const record = this.requireCall(callId);
    // A re-INVITE sent before the ACK of our 200 OK breaks the dialog (sip-notes): wait for it.
    await withTimeout(this.options.clock, record.acked, this.options.ackWaitMs ?? 5000, 'The call is not confirmed yet (no ACK).');
    const options = { hold } as object;
    await this.reinvite(record, options);
    record.held = hold;
    // Re-INVITEs from the far end are answered with the same direction.
    record.session.sessionDescriptionHandlerOptionsReInvite = options;
  }

  async renegotiateMedia(callId: string): Promise<void> {
    const record = this.requireCall(callId);
    await withTimeout(this.options.clock, record.acked, this.options.ackWaitMs ?? 5000, 'The call is not confirmed yet (no ACK).');
    await this.reinvite(record, { hold: record.held, iceRestart: true } as object);
  }

  private reinvite(record: CallRecord, options: object): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      record.session
        .invite({
          sessionDescriptionHandlerOptions: options,
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) =>
              reject(new Error(`re-INVITE refused: ${response.message.statusCode} ${cleanSipText(response.message.reasonPhrase)}`)),
          },
        })
        .catch(reject);
    });
  }

  async setMuted(callId: string, muted: boolean): Promise<void> {
    const handler = this.requireCall(callId).session.sessionDescriptionHandler;
    if (!(handler instanceof MediaPortSessionDescriptionHandler)) throw new Error('The call has no media yet.');
    await handler.setMuted(muted);
  }

  async sendDtmf(callId: string, tones: string, mode: DtmfMode): Promise<void> {
    const session = this.requireCall(callId).session;
    if (mode === 'rfc4733') {
      const handler = session.sessionDescriptionHandler;
      if (!handler || !handler.sendDtmf(tones, { duration: dtmfToneMs, interToneGap: dtmfGapMs })) throw new Error('DTMF could not be sent.');
      return;
    }
    // SIP INFO (application/dtmf-relay), one request per tone, in order.
    for (const tone of tones) {
      await new Promise<void>((resolve, reject) => {
        session
          .info({
            requestDelegate: {
              onAccept: () => resolve(),
              onReject: (response) => reject(new Error(`INFO refused: ${response.message.statusCode}`)),
            },
            requestOptions: {
              body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${tone}\r\nDuration=100` },
            },
          })
          .catch(reject);
      });
    }
  }

  async blindTransfer(callId: string, target: string): Promise<void> {
    const record = this.requireCall(callId);
    await this.refer(record, this.targetUri(target));
  }

  async attendedTransfer(callId: string, consultCallId: string): Promise<void> {
    const record = this.requireCall(callId);
    const consult = this.requireCall(consultCallId);
    if (consult.session.state !== SessionState.Established) throw new Error('The consult call is not answered yet.');
    await this.refer(record, consult.session);
  }

  private refer(record: CallRecord, referTo: URI | Session): Promise<void> {
    const callId = record.session.id;
    record.transferPending = true;
    return new Promise<void>((resolve, reject) => {
      record.session
        .refer(referTo, {
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => {
              record.transferPending = false;
              reject(new Error(`REFER refused: ${response.message.statusCode} ${cleanSipText(response.message.reasonPhrase)}`));
            },
          },
          onNotify: (notification: Notification) => {
            void notification.accept();
            const body = notification.request.body ?? '';
            const code = Number(/^SIP\/2\.0\s+(\d{3})/.exec(body.trim())?.[1] ?? 0);
            if (!record.transferPending || code < 200) return;
            record.transferPending = false;
            this.listener.onTransferProgress(callId, {
              status: code < 300 ? 'completed' : 'failed',
              detail: cleanSipText(body.trim().split(/\r?\n/)[0]),
            });
          },
        })
        .catch((error: unknown) => {
          record.transferPending = false;
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  private requireUa(): UserAgent {
    if (!this.ua || !this.running) throw new Error('The phone is not started.');
    return this.ua;
  }

  private requireCall(callId: string): CallRecord {
    const record = this.calls.get(callId);
    if (!record) throw new Error(`No such call: ${callId}`);
    return record;
  }
}

/**
 * Keypad tone length in the audio (RFC 4733; SIP INFO keeps 100 ms). Chromium sends a tone
 * shorter than ~160 ms as three RFC 4733 end packets with no start packet, each marked as a new
 * event: phone stacks then count one key press as several digits, or none (issue 20). 200 ms
 * gets a proper start, updates and end; 70 ms between tones is what sip.js and most phones use.
 */
const dtmfToneMs = 200;
const dtmfGapMs = 70;

/**
 * The session timer an INVITE asks for (RFC 4028 §9), as our 200 OK must state it: the interval
 * (at least the 90 s minimum) and who refreshes. The caller refreshes unless it asked us to.
 */
export function sessionTimerOf(request: { getHeader(name: string): string | undefined }): { seconds: number; refresher: 'uac' | 'uas' } | null {
  const header = request.getHeader('Session-Expires') ?? request.getHeader('x');
  if (!header) return null;
  const seconds = Number(/^\s*(\d+)/.exec(header)?.[1]);
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const refresher = /;\s*refresher\s*=\s*uas\b/i.test(header) ? 'uas' : 'uac';
  return { seconds: Math.max(90, seconds), refresher };
}

/** The INVITE's SDP offer, or null for an INVITE without one (the offer then goes in our 200 OK). */
function sdpOffer(invitation: Invitation): string | null {
  const body = invitation.request.body;
  return body && /^application\/sdp\b/i.test(invitation.request.getHeader('Content-Type') ?? '') ? body : null;
}

/** Option tags of Require headers that we do not support (RFC 3891 Replaces and RFC 4028 timer we do). */
function unsupportedRequirements(headers: string[]): string[] {
  const supported = new Set(['replaces', 'timer']);
  const tags = headers.flatMap((header) => header.split(',')).map((tag) => tag.trim().toLowerCase());
  return [...new Set(tags.filter((tag) => tag.length > 0 && !supported.has(tag)))];
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(clock: Clock, promise: Promise<T>, ms: number, message = 'Timed out'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimer(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clock.clearTimer(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimer(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
