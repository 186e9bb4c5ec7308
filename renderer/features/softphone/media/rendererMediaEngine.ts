// The renderer half of the softphone: answers the main process's media requests with real
// WebRTC (one CallMedia per call) and reports each result back over the contract.
import type { CallView, MediaRequest } from '../../../../shared/contract/softphone';
import { call, type DesklineClient } from '../../../api/client';
import { CallMedia, type CallMediaDevices } from './callMedia';

export class RendererMediaEngine {
  private readonly calls = new Map<string, CallMedia>();

  constructor(
    private readonly client: DesklineClient,
    private readonly devices: () => CallMediaDevices,
  ) {}

  /** Subscribes to the host; returns the function that stops and releases every call's media. */
  start(): () => void {
    const stopRequests = this.client.on('onMediaRequest', (request) => void this.handle(request));
    const stopCalls = this.client.on('onCallUpdated', (view) => this.follow(view));
    // A renderer that (re)loads while a call is up asks for its audio back (re-INVITE, ICE restart).
    void call(this.client, 'reattachMedia', {}).catch(() => undefined);
    return () => {
      stopRequests();
      stopCalls();
      for (const media of this.calls.values()) media.close();
      this.calls.clear();
    };
  }

  connectionState(callId: string): RTCPeerConnectionState | null {
    return this.calls.get(callId)?.connectionState() ?? null;
  }

  async useSpeaker(deviceId: string | null): Promise<void> {
    await Promise.all([...this.calls.values()].map((media) => media.useSpeaker(deviceId)));
  }

  private follow(view: CallView): void {
    if (view.phase === 'ended') {
      this.calls.get(view.callId)?.close();
      this.calls.delete(view.callId);
    } else if (view.phase === 'ringing' && view.direction === 'inbound') {
      this.media(view.callId).prepare();
    }
  }

  private media(callId: string): CallMedia {
    let media = this.calls.get(callId);
    if (!media) this.calls.set(callId, (media = new CallMedia(callId, this.devices)));
    return media;
  }

  private async handle(request: MediaRequest): Promise<void> {
    let result: { sdp?: string; error?: string };
    try {
      result = { sdp: await this.perform(request) };
      if (result.sdp === undefined) result = {};
    } catch (error) {
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    // Several windows may answer the same request; the host takes the first and refuses the rest.
    await call(this.client, 'completeMediaRequest', { requestId: request.requestId, ...result }).catch(() => undefined);
  }

  private async perform(request: MediaRequest): Promise<string | undefined> {
    if (request.kind === 'close') {
      this.calls.get(request.callId)?.close();
      this.calls.delete(request.callId);
      return undefined;
    }
    const media = this.media(request.callId);
    switch (request.kind) {
      case 'createOffer':
        return media.createOffer(request);
      case 'createAnswer':
        return media.createAnswer(request);
      case 'prepareAnswer':
        // The banner for this call arrives just before: let it paint, then build the answer.
        await afterNextPaint();
        return media.prepareAnswer(request.sdp, request.iceServers);
      case 'setRemote':
        return void (await media.setRemote(request.sdp, request.type));
      case 'rollback':
        return void (await media.rollback());
      case 'setMuted':
        return void (await media.setMuted(request.muted));
      case 'sendDtmf':
        return void media.sendDtmf(request.tones, request.durationMs, request.gapMs);
    }
  }
}

/**
 * Resolves after the browser has painted the next frame (a task queued from the frame callback).
 * A hidden or minimised window paints no frames, so it does not wait there, nor ever beyond 50 ms.
 */
function afterNextPaint(): Promise<void> {
  if (document.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 50);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
