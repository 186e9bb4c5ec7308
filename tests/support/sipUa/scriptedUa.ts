// A scripted SIP user agent in Node (sip.js over ws through the real Kamailio) playing the
// caller, a transfer target, or a consulted party. Its media is the static SDP fake.
import {
  Invitation,
  Inviter,
  Registerer,
  SIPExtension,
  SessionState,
  UserAgent,
  type Referral,
  type Session,
} from 'sip.js';
import { mediaPortHandlerFactory } from '../../../electron/adapters/sip/mediaPortSessionDescriptionHandler';
import { installSipWebSocket } from '../../../electron/adapters/sip/nodeWebSocket';
import { StaticSdpMedia, type SdpProfile, type StaticSdpSession } from '../../../electron/adapters/sip/staticSdpMedia';

export interface ScriptedUaOptions {
  /** ws://127.0.0.1:<port> */
  server: string;
  user: string;
  password: string;
  domain: string;
  displayName?: string;
  /** Answer incoming calls at once (transfer targets). */
  autoAnswer?: boolean;
  /**
   * The SDP it offers and answers with. Default 'webrtc' (ICE, DTLS fingerprint, rtcp-mux), as a
   * WebRTC gateway or an RTP <-> WebRTC bridge presents a call to a desk: the desk refuses plain
   * RTP on arrival with 488 (issue 20). 'rtp' for a plain SIP phone's SDP.
   */
  sdpProfile?: SdpProfile;
}

/** One call of a scripted UA, with promises for the moments tests wait for. */
export class ScriptedCall {
  readonly established: Promise<void>;
  readonly terminated: Promise<void>;
  /** Final response code when the call was refused (outbound), else null. */
  rejectedWith: number | null = null;
  byeReceived = false;
  /** Referral received on this call (we are the transferee), once it arrives. */
  referral: Referral | null = null;
  /** The call placed because of a REFER on this call. */
  referredCall: ScriptedCall | null = null;
  private resolveReferred: ((call: ScriptedCall) => void) | null = null;
  readonly referredCallReady: Promise<ScriptedCall>;

  constructor(
    readonly session: Session,
    private readonly ua: ScriptedUa,
  ) {
    this.established = new Promise((resolve, reject) => {
      session.stateChange.addListener((state) => {
        if (state === SessionState.Established) resolve();
        if (state === SessionState.Terminated) reject(new Error(`call ${session.id} ended before it was established`));
      });
    });
    this.established.catch(() => undefined);
    this.terminated = new Promise((resolve) => {
      const check = (state: SessionState) => state === SessionState.Terminated && resolve();
      if (session.state === SessionState.Terminated) resolve();
      session.stateChange.addListener(check);
    });
    this.referredCallReady = new Promise((resolve) => (this.resolveReferred = resolve));
    session.delegate = {
      onBye: (bye) => {
        this.byeReceived = true;
        void bye.accept();
      },
      onRefer: (referral) => {
        // Behave like a phone: accept and follow the REFER (Replaces included, for attended).
        this.referral = referral;
        void referral.accept().then(() => {
          const inviter = referral.makeInviter({ sessionDescriptionHandlerOptions: { hold: false } as object });
          const call = this.ua.adopt(inviter);
          this.referredCall = call;
          this.resolveReferred?.(call);
          return inviter.invite();
        });
      },
    };
  }

  get id(): string {
    return this.session.id;
  }

  /** This side's media, for checking hold direction and DTMF. */
  media(): StaticSdpSession {
    const media = this.ua.media.sessions.get(this.session.id);
    if (!media) throw new Error(`no media for ${this.session.id}`);
    return media;
  }

  get state(): SessionState {
    return this.session.state;
  }

  async answer(): Promise<void> {
    if (!(this.session instanceof Invitation)) throw new Error('not an incoming call');
    await this.session.accept({ sessionDescriptionHandlerOptions: { hold: false } as object });
  }

  async reject(statusCode = 486): Promise<void> {
    if (!(this.session instanceof Invitation)) throw new Error('not an incoming call');
    await this.session.reject({ statusCode });
  }

  /** BYE if established, CANCEL if still ringing. */
  async hangUp(): Promise<void> {
    if (this.session.state === SessionState.Established) await this.session.bye();
    else if (this.session instanceof Inviter) await this.session.cancel();
    else if (this.session instanceof Invitation) await this.session.reject();
    await this.terminated;
  }
}

export class ScriptedUa {
  readonly media: StaticSdpMedia;
  readonly ua: UserAgent;
  readonly calls: ScriptedCall[] = [];
  private readonly registerer: Registerer;
  private incomingWaiters: ((call: ScriptedCall) => void)[] = [];
  private incomingQueue: ScriptedCall[] = [];

  constructor(private readonly options: ScriptedUaOptions) {
    installSipWebSocket();
    this.media = new StaticSdpMedia(options.sdpProfile ?? 'webrtc');
    const uri = UserAgent.makeURI(`sip:${options.user}@${options.domain}`);
    if (!uri) throw new Error(`bad user ${options.user}`);
    this.ua = new UserAgent({
      uri,
      displayName: options.displayName,
      authorizationUsername: options.user,
      authorizationPassword: options.password,
      transportOptions: { server: options.server, connectionTimeout: 5 },
      sipExtensionReplaces: SIPExtension.Supported,
      sessionDescriptionHandlerFactory: mediaPortHandlerFactory(this.media, () => []),
      logBuiltinEnabled: false,
      logLevel: 'error',
      userAgentString: 'Deskline scripted UA',
      delegate: {
        onInvite: (invitation) => {
          const call = this.adopt(invitation);
          if (this.options.autoAnswer) void call.answer();
          const waiter = this.incomingWaiters.shift();
          if (waiter) waiter(call);
          else this.incomingQueue.push(call);
        },
      },
    });
    this.registerer = new Registerer(this.ua, { expires: 300 });
  }

  get aor(): string {
    return `sip:${this.options.user}@${this.options.domain}`;
  }

  /** Connect and REGISTER; resolves when the registrar accepted. */
  async start(): Promise<void> {
    await this.ua.start();
    await new Promise<void>((resolve, reject) => {
      void this.registerer
        .register({
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (r) => reject(new Error(`REGISTER of ${this.options.user} refused: ${r.message.statusCode}`)),
          },
        })
        .catch(reject);
    });
  }

  adopt(session: Session): ScriptedCall {
    const call = new ScriptedCall(session, this);
    this.calls.push(call);
    return call;
  }

  /** Place a call to a user of the domain (or a full sip: URI); `extraHeaders` go on the INVITE as written. */
  async call(target: string, options: { extraHeaders?: string[] } = {}): Promise<ScriptedCall> {
    const uri = UserAgent.makeURI(target.startsWith('sip:') ? target : `sip:${target}@${this.options.domain}`);
    if (!uri) throw new Error(`bad target ${target}`);
    const inviter = new Inviter(this.ua, uri, { sessionDescriptionHandlerOptions: { hold: false } as object, extraHeaders: options.extraHeaders ?? [] });
    const call = this.adopt(inviter);
    await inviter.invite({
      requestDelegate: { onReject: (response) => (call.rejectedWith = response.message.statusCode ?? null) },
    });
    return call;
  }

  /** The next incoming call (already arrived or still to come). */
  nextIncoming(): Promise<ScriptedCall> {
    const queued = this.incomingQueue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve) => this.incomingWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    await this.ua.stop().catch(() => undefined);
  }
}
