// MediaPort that forwards each media step of a call to the renderer's RTCPeerConnection as an
// onMediaRequest event, and settles it when the renderer calls completeMediaRequest.
import { randomUUID } from 'node:crypto';
import type { IceServer, MediaRequest } from '../../shared/contract/softphone';
import type { Clock, TimerHandle } from '../../shared/domain/clock';
import type { MediaPort, MediaSession } from './softphonePorts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type MediaRequestBody = DistributiveOmit<MediaRequest, 'requestId' | 'callId'>;

interface Pending {
  resolve: (sdp: string | undefined) => void;
  reject: (error: Error) => void;
  timer: TimerHandle;
}

export interface MediaBridgeOptions {
  clock: Clock;
  /** Sends the request to the renderer(s) (EventHub 'onMediaRequest'). */
  send: (request: MediaRequest) => void;
  /** A renderer that does not answer in time fails the step (the SIP transaction then fails too). */
  timeoutMs?: number;
}

export class MediaBridge implements MediaPort {
  private readonly pending = new Map<string, Pending>();
  private readonly prefix = randomUUID().slice(0, 8);
  private nextId = 1;

  constructor(private readonly options: MediaBridgeOptions) {}

  openSession(callId: string, context: { iceServers: IceServer[] }): MediaSession {
    const request = (body: MediaRequestBody) => this.request(callId, body);
    const { iceServers } = context;
    return {
      createOffer: async ({ hold, iceRestart }) =>
        requireSdp(await request({ kind: 'createOffer', hold, iceRestart, iceServers })),
      createAnswer: async ({ hold }) => requireSdp(await request({ kind: 'createAnswer', hold, iceServers })),
      setRemote: async (sdp, type) => void (await request({ kind: 'setRemote', type, sdp })),
      rollback: async () => void (await request({ kind: 'rollback' })),
      setMuted: async (muted) => void (await request({ kind: 'setMuted', muted })),
      sendDtmf: async (tones, durationMs, gapMs) => void (await request({ kind: 'sendDtmf', tones, durationMs, gapMs })),
      // Fire and forget: the call is over whether or not a renderer is listening.
      close: () => void request({ kind: 'close' }).catch(() => undefined),
    };
  }

  /** The renderer's answer to one request. False when it is unknown (late, or answered twice). */
  complete(requestId: string, result: { sdp?: string; error?: string }): boolean {
    const pending = this.pending.get(requestId);
    if (!pending) return false;
    this.pending.delete(requestId);
    this.options.clock.clearTimer(pending.timer);
    if (result.error !== undefined) pending.reject(new Error(`Renderer media error: ${result.error}`));
    else pending.resolve(result.sdp);
    return true;
  }

  pendingCount(): number {
    return this.pending.size;
  }

  private request(callId: string, body: MediaRequestBody): Promise<string | undefined> {
    const requestId = `${this.prefix}-${this.nextId++}`;
    return new Promise((resolve, reject) => {
      const timer = this.options.clock.setTimer(() => {
        this.pending.delete(requestId);
        reject(new Error(`No renderer answered media request ${body.kind} for call ${callId}`));
      }, this.options.timeoutMs ?? 10_000);
      this.pending.set(requestId, { resolve, reject, timer });
      this.options.send({ ...body, requestId, callId } as MediaRequest);
    });
  }
}

function requireSdp(sdp: string | undefined): string {
  if (!sdp || !/^v=0/m.test(sdp)) throw new Error('The renderer returned no SDP');
  return sdp;
}
