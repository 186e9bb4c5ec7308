// A media fake for a SIP peer in Node (integration tests, scripted callers, the lab): produces a
// valid static audio SDP with the right direction attributes and records what it was asked to do.
// It fakes media only; the signalling around it is real sip.js through a real Kamailio.
import { randomBytes } from 'node:crypto';
import type { MediaPort, MediaSession } from '../../core/softphone/ports';

/**
 * 'rtp': plain RTP/AVP, as a SIP desk phone offers. 'webrtc': the profile a WebRTC gateway (SBC)
 * offers — ICE-lite, a DTLS-SRTP fingerprint, rtcp-mux — which a browser's RTCPeerConnection
 * accepts, so a scripted UA can call the browser workstation the way a PSTN call through a gateway
 * does. Nothing answers ICE checks, so no media flows; signalling is complete and real.
 */
export type SdpProfile = 'rtp' | 'webrtc';

export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

/** The direction a remote SDP's audio stream declares (session level, then media level). */
export function sdpDirection(sdp: string): Direction {
  const found = [...sdp.matchAll(/^a=(sendrecv|sendonly|recvonly|inactive)\s*$/gm)].map((m) => m[1] as Direction);
  return found[found.length - 1] ?? 'sendrecv';
}

function answerDirection(remote: Direction, hold: boolean): Direction {
  if (remote === 'inactive') return 'inactive';
  if (remote === 'sendonly') return hold ? 'inactive' : 'recvonly';
  if (remote === 'recvonly') return hold ? 'sendonly' : 'inactive';
  return hold ? 'sendonly' : 'sendrecv';
}

let nextPort = 40_000;

export class StaticSdpSession implements MediaSession {
  readonly rtpPort = (nextPort += 2);
  private readonly sessionVersion = { id: Date.now() % 1_000_000_000, version: 0 };
  localDirection: Direction | null = null;
  remoteDirection: Direction | null = null;
  muted = false;
  closed = false;
  iceRestarts = 0;
  readonly dtmf: string[] = [];
  readonly remoteDescriptions: { type: 'offer' | 'answer'; sdp: string }[] = [];
  private pendingLocalDirection: Direction | null = null;

  /** WebRTC profile: this side's ICE credentials and certificate fingerprint, fixed for the session. */
  private readonly ice = { ufrag: randomBytes(6).toString('hex'), pwd: randomBytes(16).toString('hex') };
  private readonly fingerprint = [...randomBytes(32)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');

  constructor(
    readonly callId: string,
    private readonly profile: SdpProfile = 'rtp',
  ) {}

  async createOffer(options: { hold: boolean; iceRestart: boolean }): Promise<string> {
    if (options.iceRestart) this.iceRestarts++;
    const direction: Direction = options.hold ? 'sendonly' : 'sendrecv';
    this.pendingLocalDirection = direction;
    return this.sdp(direction, 'offer');
  }

  async createAnswer(options: { hold: boolean }): Promise<string> {
    const direction = answerDirection(this.remoteDirection ?? 'sendrecv', options.hold);
    this.localDirection = direction;
    return this.sdp(direction, 'answer');
  }

  async setRemote(sdp: string, type: 'offer' | 'answer'): Promise<void> {
    if (!/^v=0/m.test(sdp) || !/^m=audio /m.test(sdp)) throw new Error('Remote SDP has no audio stream');
    this.remoteDescriptions.push({ type, sdp });
    this.remoteDirection = sdpDirection(sdp);
    if (type === 'answer' && this.pendingLocalDirection) {
      this.localDirection = this.pendingLocalDirection;
      this.pendingLocalDirection = null;
    }
  }

  async rollback(): Promise<void> {
    this.pendingLocalDirection = null;
  }

  async setMuted(muted: boolean): Promise<void> {
    this.muted = muted;
  }

  async sendDtmf(tones: string): Promise<void> {
    this.dtmf.push(tones);
  }

  close(): void {
    this.closed = true;
  }

  private sdp(direction: Direction, type: 'offer' | 'answer'): string {
    this.sessionVersion.version++;
    const origin = ['v=0', `o=- ${this.sessionVersion.id} ${this.sessionVersion.version} IN IP4 127.0.0.1`, 's=-'];
    const media = this.profile === 'webrtc' ? this.webRtcLines(type) : ['c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${this.rtpPort} RTP/AVP 0 101`];
    const codecs = ['a=rtpmap:0 PCMU/8000', 'a=rtpmap:101 telephone-event/8000', 'a=fmtp:101 0-16'];
    return [...origin, ...media, ...codecs, `a=${direction}`, ''].join('\r\n');
  }

  /** Session and media lines of the WebRTC gateway profile, up to its codecs (Opus first). */
  private webRtcLines(type: 'offer' | 'answer'): string[] {
    // An answer to a browser's actpass offer takes the active DTLS role, as gateways do.
    const setup = type === 'offer' ? 'actpass' : 'active';
    return [
      't=0 0',
      'a=group:BUNDLE 0',
      'a=ice-lite',
      `m=audio ${this.rtpPort} UDP/TLS/RTP/SAVPF 111 0 101`,
      'c=IN IP4 127.0.0.1',
      `a=candidate:1 1 udp 2130706431 127.0.0.1 ${this.rtpPort} typ host`,
      'a=end-of-candidates',
      `a=ice-ufrag:${this.ice.ufrag}`,
      `a=ice-pwd:${this.ice.pwd}`,
      `a=fingerprint:sha-256 ${this.fingerprint}`,
      `a=setup:${setup}`,
      'a=mid:0',
      'a=rtcp-mux',
      'a=rtpmap:111 opus/48000/2',
    ];
  }
}

export class StaticSdpMedia implements MediaPort {
  /** Every session opened, by call id, for tests to inspect. */
  readonly sessions = new Map<string, StaticSdpSession>();

  constructor(private readonly profile: SdpProfile = 'rtp') {}

  openSession(callId: string): MediaSession {
    const session = new StaticSdpSession(callId, this.profile);
    this.sessions.set(callId, session);
    return session;
  }
}
