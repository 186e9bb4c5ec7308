// A media fake for a SIP peer in Node (integration tests, scripted callers, the lab): produces a
// valid static audio SDP with the right direction attributes and records what it was asked to do.
// It fakes media only; the signalling around it is real sip.js through a real Kamailio.
import type { MediaPort, MediaSession } from '../../core/softphonePorts';

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

  constructor(readonly callId: string) {}

  async createOffer(options: { hold: boolean; iceRestart: boolean }): Promise<string> {
    if (options.iceRestart) this.iceRestarts++;
    const direction: Direction = options.hold ? 'sendonly' : 'sendrecv';
    this.pendingLocalDirection = direction;
    return this.sdp(direction);
  }

  async createAnswer(options: { hold: boolean }): Promise<string> {
    const direction = answerDirection(this.remoteDirection ?? 'sendrecv', options.hold);
    this.localDirection = direction;
    return this.sdp(direction);
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

  private sdp(direction: Direction): string {
    this.sessionVersion.version++;
    return [
      'v=0',
      `o=- ${this.sessionVersion.id} ${this.sessionVersion.version} IN IP4 127.0.0.1`,
      's=-',
      'c=IN IP4 127.0.0.1',
      't=0 0',
      `m=audio ${this.rtpPort} RTP/AVP 0 101`,
      'a=rtpmap:0 PCMU/8000',
      'a=rtpmap:101 telephone-event/8000',
      'a=fmtp:101 0-16',
      `a=${direction}`,
      '',
    ].join('\r\n');
  }
}

export class StaticSdpMedia implements MediaPort {
  /** Every session opened, by call id, for tests to inspect. */
  readonly sessions = new Map<string, StaticSdpSession>();

  openSession(callId: string): MediaSession {
    const session = new StaticSdpSession(callId);
    this.sessions.set(callId, session);
    return session;
  }
}
