// SipPort over sip.js 0.21 in Node: one UserAgent + Registerer over a `ws` WebSocket, our own
// reconnect-with-backoff, and call control on Inviter/Invitation sessions whose media is a MediaPort.
// This class owns the UserAgent's lifecycle; registration is SipRegistration, calls are SipCalls.
import { RegistererState, SIPExtension, UserAgent } from 'sip.js';
import type { DtmfMode, IceServer, RegistrationStatus } from '../../../shared/contract/softphone';
import type { SipAccount, SipPort, SipPortListener } from '../../core/softphone/ports';
import { errorMessage } from './errorMessage';
import { guardedSipListener } from './guardedSipListener';
import { guardIncomingRequests, type IncomingRequestGuard } from './incomingRequestGuard';
import { mediaPortHandlerFactory } from './mediaPortSessionDescriptionHandler';
import { installSipWebSocket } from './nodeWebSocket';
import { SipCalls } from './sipCalls';
import type { SipJsPhoneOptions } from './sipJsPhoneOptions';
import { SipRegistration } from './sipRegistration';
import { installSipUriUserEscape } from './sipUriUserEscape';
import { withTimeout } from './withTimeout';

export type { SipJsPhoneOptions } from './sipJsPhoneOptions';

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
  private account: SipAccount | null = null;
  private readonly sipRegistration: SipRegistration;
  private readonly sipCalls: SipCalls;

  constructor(private readonly options: SipJsPhoneOptions) {
    installSipWebSocket();
    installSipUriUserEscape();
    this.sipRegistration = new SipRegistration(options, {
      userAgent: () => this.ua,
      account: () => this.account,
      listener: () => this.listener,
    });
    this.sipCalls = new SipCalls(options, {
      requireUa: () => this.requireUa(),
      account: () => this.account,
      listener: () => this.listener,
    });
  }

  setListener(listener: SipPortListener): void {
    this.listener = guardedSipListener(listener, this.options.logger);
  }

  registration(): RegistrationStatus {
    return this.sipRegistration.current();
  }

  // ---------- the UserAgent's lifecycle ----------

  async start(account: SipAccount): Promise<void> {
    await this.stop();
    const generation = this.sipRegistration.nextGeneration();
    const uri = UserAgent.makeURI(account.sipUri);
    if (!uri || !uri.user) {
      this.sipRegistration.failConfig(`Invalid SIP URI: ${account.sipUri}`);
      return;
    }
    this.account = account;
    this.sipRegistration.begin();
    let ua: UserAgent;
    let wireGuard: IncomingRequestGuard | null = null;
    try {
      ua = new UserAgent({
        uri,
        displayName: account.displayName || undefined,
        authorizationUsername: account.authUser || uri.user,
        authorizationPassword: account.password,
        transportOptions: { server: account.serverUrl, connectionTimeout: this.options.connectTimeoutSec ?? 5, keepAliveInterval: 0 },
        // Our own backoff (SipRegistration): sip.js's fixed-interval reconnection would also fight it.
        reconnectionAttempts: 0,
        sipExtensionReplaces: SIPExtension.Supported,
        sessionDescriptionHandlerFactory: mediaPortHandlerFactory(
          this.options.media,
          () => this.account?.iceServers ?? ([] as IceServer[]),
          (error) => this.options.logger.warn('Media request failed', { error: String(error) }),
          (sessionId, error) => this.sipCalls.noteMediaFailure(sessionId, error),
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
          onInvite: (invitation) => this.sipCalls.receiveInvite(invitation),
          onDisconnect: (error) => this.sipRegistration.connectionLost(generation, error),
        },
      });
    } catch (error) {
      // e.g. sip.js rejects a malformed server URL in the transport constructor.
      this.sipRegistration.failConfig(errorMessage(error));
      return;
    }
    wireGuard = guardIncomingRequests(ua, this.options.logger);
    this.ua = ua;
    await this.sipRegistration.attach(ua, generation);
  }

  async stop(): Promise<void> {
    const registerer = this.sipRegistration.halt();
    const ua = this.ua;
    this.ua = null;
    if (ua) {
      if (registerer && registerer.state === RegistererState.Registered && ua.isConnected()) {
        await withTimeout(this.options.clock, registerer.unregister().then(() => undefined), 2000).catch(() => undefined);
      }
      // Hang up what is left so the far ends are not left with dead calls.
      await this.sipCalls.hangUpAll();
      await withTimeout(this.options.clock, ua.stop(), 3000).catch(() => undefined);
    }
    this.sipRegistration.settleStopped();
  }

  reconnectNow(): void {
    this.sipRegistration.reconnectNow();
  }

  private requireUa(): UserAgent {
    if (!this.ua || !this.sipRegistration.isRunning()) throw new Error('The phone is not started.');
    return this.ua;
  }

  // ---------- calls ----------

  dial(target: string, onCreated?: (callId: string) => void): Promise<string> {
    return this.sipCalls.dial(target, onCreated);
  }

  answer(callId: string): Promise<void> {
    return this.sipCalls.answer(callId);
  }

  reject(callId: string, statusCode: number): Promise<void> {
    return this.sipCalls.reject(callId, statusCode);
  }

  hangUp(callId: string): Promise<void> {
    return this.sipCalls.hangUp(callId);
  }

  setHold(callId: string, hold: boolean): Promise<void> {
    return this.sipCalls.setHold(callId, hold);
  }

  renegotiateMedia(callId: string): Promise<void> {
    return this.sipCalls.renegotiateMedia(callId);
  }

  setMuted(callId: string, muted: boolean): Promise<void> {
    return this.sipCalls.setMuted(callId, muted);
  }

  sendDtmf(callId: string, tones: string, mode: DtmfMode): Promise<void> {
    return this.sipCalls.sendDtmf(callId, tones, mode);
  }

  blindTransfer(callId: string, target: string): Promise<void> {
    return this.sipCalls.blindTransfer(callId, target);
  }

  attendedTransfer(callId: string, consultCallId: string): Promise<void> {
    return this.sipCalls.attendedTransfer(callId, consultCallId);
  }
}
