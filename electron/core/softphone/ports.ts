// Ports the softphone service needs: SIP signalling, call media, secrets and the call lists.
import type {
  CallListEntry,
  DtmfMode,
  IceServer,
  OfferRefusal,
  RegistrationStatus,
  RemoteParty,
} from '../../../shared/contract/softphone';
import type { CallParty } from '../../../shared/domain/callStateMachine';
import type { EndReason } from '../../../shared/domain/callStateMachine';

/** A call's audio could not be set up: the browser refused the far end's media. */
export class MediaFailedError extends Error {
  constructor(readonly detail: string) {
    super('The call could not be connected (media).');
    this.name = 'MediaFailedError';
  }
}

/** Everything needed to register; `password` is only ever held in memory. */
export interface SipAccount {
  serverUrl: string;
  sipUri: string;
  authUser: string;
  password: string;
  displayName: string;
  iceServers: IceServer[];
  /** Trust P-Asserted-Identity on INVITEs from this server (RFC 3325; see adapters/sip/assertedIdentity.ts). */
  serverAssertsIdentity?: boolean;
}

/** What the SIP adapter reports to the service. Call ids are the adapter's, opaque to the core. */
export interface SipPortListener {
  onRegistration(status: RegistrationStatus): void;
  /** An INVITE arrived; `replacesCallId` when it replaces one of our calls (RFC 3891). */
  onIncomingCall(call: { callId: string; remote: RemoteParty; replacesCallId: string | null }): void;
  /** An INVITE was refused with 488 on arrival because the media side could never answer it. */
  onCallRefused(call: { remote: RemoteParty; reason: OfferRefusal; offeredCodecs: string[] }): void;
  /** Outbound: 180/183 received. */
  onCallAlerting(callId: string): void;
  /** Inbound: our 200 OK was sent; outbound: 200 OK received. */
  onCallEstablished(callId: string): void;
  onCallEnded(callId: string, by: CallParty, reason: EndReason, sipCode: number | null): void;
  /** Progress of a REFER we sent (from its NOTIFYs or the REFER's own rejection). */
  onTransferProgress(callId: string, progress: { status: 'completed' | 'failed'; detail: string }): void;
}

/** SIP signalling as the core needs it; electron/adapters/sip implements it with sip.js. */
export interface SipPort {
  setListener(listener: SipPortListener): void;
  /** Connect and register; progress comes through onRegistration. Replaces any previous account. */
  start(account: SipAccount): Promise<void>;
  /** Unregister (best effort), disconnect, stop retrying. */
  stop(): Promise<void>;
  /** Reconnect at once (network change, wake from sleep); no-op when stopped or auth failed. */
  reconnectNow(): void;
  /**
   * Send an INVITE. `onCreated` runs with the new call id before anything is sent, so the caller
   * can track the call before its first event; resolves once the INVITE is sent.
   */
  dial(target: string, onCreated: (callId: string) => void): Promise<string>;
  answer(callId: string): Promise<void>;
  /** Reject a ringing inbound call with `statusCode` (486 or 603). */
  reject(callId: string, statusCode: number): Promise<void>;
  /** BYE an established call, CANCEL an outgoing one still ringing. */
  hangUp(callId: string): Promise<void>;
  /** Hold/resume by re-INVITE; resolves when the far end accepted, rejects when it refused. */
  setHold(callId: string, hold: boolean): Promise<void>;
  setMuted(callId: string, muted: boolean): Promise<void>;
  sendDtmf(callId: string, tones: string, mode: DtmfMode): Promise<void>;
  /** REFER to `target`; resolves when the REFER was accepted (outcome via onTransferProgress). */
  blindTransfer(callId: string, target: string): Promise<void>;
  /** REFER with Replaces pointing at the consult call's dialog. */
  attendedTransfer(callId: string, consultCallId: string): Promise<void>;
  /** Re-INVITE with ICE restart (renderer came back after a reload or crash). */
  renegotiateMedia(callId: string): Promise<void>;
}

/** One call's media as seen from signalling (an RTCPeerConnection, or a static fake in Node). */
export interface MediaSession {
  createOffer(options: { hold: boolean; iceRestart: boolean }): Promise<string>;
  createAnswer(options: { hold: boolean }): Promise<string>;
  setRemote(sdp: string, type: 'offer' | 'answer'): Promise<void>;
  rollback(): Promise<void>;
  setMuted(muted: boolean): Promise<void>;
  sendDtmf(tones: string, durationMs: number, gapMs: number): Promise<void>;
  close(): void;
}

/** Where call media lives: the renderer bridge in the app, a static SDP fake in Node tests. */
export interface MediaPort {
  openSession(callId: string, context: { iceServers: IceServer[] }): MediaSession;
  /**
   * Whether an incoming offer can be answered at all, decided on arrival (synchronously), so an
   * impossible call is refused with 488 before it rings. Absent: every offer is tried.
   */
  checkOffer?(offerSdp: string): { refusal: OfferRefusal | null; offeredCodecs: string[] };
  /**
   * An incoming call's offer, while it rings: the media side may build the answer ahead, so the
   * 200 OK goes out as soon as the agent answers. openSession then uses it if the offer matches.
   */
  prepareAnswer?(callId: string, offerSdp: string, context: { iceServers: IceServer[] }): void;
  /** The call ended before it was answered: forget the prepared answer. */
  discardPrepared?(callId: string): void;
}

/** Stores secrets encrypted at rest (Electron safeStorage; an AES-256-GCM key file in the web host). */
export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
}

/** Missed and declined calls; in memory until the store lands. */
export interface CallListRepository {
  add(list: 'missed' | 'declined', entry: CallListEntry): Promise<void>;
  list(list: 'missed' | 'declined', limit: number): Promise<CallListEntry[]>;
  markMissedSeen(): Promise<void>;
  unseenMissedCount(): Promise<number>;
}

/** What a host passes in to have a softphone. */
export interface SoftphonePorts {
  /** Builds the SIP adapter over the media port the core provides (the renderer bridge). */
  createSip(media: MediaPort): SipPort;
  secrets: SecretStore;
  /** Defaults to an in-memory list until the store keeps them. */
  callLists?: CallListRepository;
  /** Register at start when an account is saved (default true). */
  autoRegister?: boolean;
}
