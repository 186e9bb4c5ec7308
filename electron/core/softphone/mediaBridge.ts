// MediaPort that forwards each media step of a call to the renderer's RTCPeerConnection as an
// onMediaRequest event, and settles it when the renderer calls completeMediaRequest.
import { randomUUID } from 'node:crypto';
import type { IceServer, MediaRequest } from '../../../shared/contract/softphone';
import type { Clock, TimerHandle } from '../../../shared/domain/clock';
import { checkOffer } from '../../../shared/domain/webRtcOfferCheck';
import type { MediaPort, MediaSession } from './ports';

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

interface PreparedAnswer {
  offer: string;
  answer: Promise<string>;
}

export class MediaBridge implements MediaPort {
  private readonly pending = new Map<string, Pending>();
  private readonly prepared = new Map<string, PreparedAnswer>();
  private readonly prefix = randomUUID().slice(0, 8);
  private nextId = 1;

  constructor(private readonly options: MediaBridgeOptions) {}

  /** The renderer's media is a browser RTCPeerConnection: WebRTC offers with a codec it decodes. */
  checkOffer(offerSdp: string) {
    return checkOffer(offerSdp);
  }

  prepareAnswer(callId: string, offerSdp: string, context: { iceServers: IceServer[] }): void {
    const answer = this.request(callId, { kind: 'prepareAnswer', sdp: offerSdp, iceServers: context.iceServers }).then(requireSdp);
    answer.catch(() => undefined); // a failure is handled when (if) the call is answered
    this.prepared.set(callId, { offer: offerSdp, answer });
  }

  discardPrepared(callId: string): void {
    this.prepared.delete(callId);
  }

  /**
   * A renderer (re)started: answers prepared by the one before may belong to a peer connection
   * that is gone. Forgetting them makes Answer use the ordinary offer/answer with the new one.
   */
  discardAllPrepared(): void {
    this.prepared.clear();
  }

  openSession(callId: string, context: { iceServers: IceServer[] }): MediaSession {
    const request = (body: MediaRequestBody) => this.request(callId, body);
    const { iceServers } = context;
    let prepared = this.prepared.get(callId) ?? null;
    this.prepared.delete(callId);
    /** The offer sip.js applied is the one prepared: its answer is ready (or on its way). */
    let usePrepared = false;
    // Something other than the prepared answer is wanted: start the renderer's connection afresh.
    const dropPrepared = async () => {
      prepared = null;
      usePrepared = false;
      await request({ kind: 'close' });
    };
    const setRemote = async (sdp: string, type: 'offer' | 'answer') => {
      if (prepared && type === 'offer' && sdp === prepared.offer) {
        usePrepared = true;
        return;
      }
      if (prepared) await dropPrepared();
      await request({ kind: 'setRemote', type, sdp });
    };
    return {
      createOffer: async ({ hold, iceRestart }) =>
        requireSdp(await request({ kind: 'createOffer', hold, iceRestart, iceServers })),
      createAnswer: async ({ hold }) => {
        if (usePrepared && prepared) {
          const { offer, answer } = prepared;
          prepared = null;
          usePrepared = false;
          const ready = hold ? null : await answer.catch(() => null);
          if (ready) return ready;
          // Answering on hold, or the early attempt failed: do it the ordinary way now.
          await request({ kind: 'close' });
          await request({ kind: 'setRemote', type: 'offer', sdp: offer });
        }
        return requireSdp(await request({ kind: 'createAnswer', hold, iceServers }));
      },
      setRemote,
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
