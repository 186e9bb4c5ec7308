// A sip.js SessionDescriptionHandler that needs no WebRTC in Node: it tracks the offer/answer
// state itself and forwards every step to a MediaSession (the renderer bridge or a static fake).
import type {
  BodyAndContentType,
  Session,
  SessionDescriptionHandler,
  SessionDescriptionHandlerFactory,
  SessionDescriptionHandlerOptions,
} from 'sip.js';
import type { IceServer } from '../../../shared/contract/softphone';
import type { MediaPort, MediaSession } from '../../core/softphone/ports';

/** The options our code passes through sip.js (sessionDescriptionHandlerOptions). */
export interface MediaHandlerOptions extends SessionDescriptionHandlerOptions {
  hold?: boolean;
  iceRestart?: boolean;
}

export interface DtmfOptions {
  duration?: number;
  interToneGap?: number;
}

type SignalingState = 'stable' | 'have-local-offer' | 'have-remote-offer';

export class MediaPortSessionDescriptionHandler implements SessionDescriptionHandler {
  private state: SignalingState = 'stable';
  private closed = false;

  constructor(
    private readonly media: MediaSession,
    private readonly onError: (error: unknown) => void,
    private readonly onMediaFailure: (error: unknown) => void = () => undefined,
  ) {}

  async getDescription(options?: MediaHandlerOptions): Promise<BodyAndContentType> {
    return this.reportingFailure(() => this.describe(options));
  }

  async setDescription(sdp: string): Promise<void> {
    return this.reportingFailure(() => this.apply(sdp));
  }

  /** sip.js turns a media failure into a bare 480 or BYE; the call's owner is told why first. */
  private async reportingFailure<T>(step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      if (!this.closed) this.onMediaFailure(error);
      throw error;
    }
  }

  private async describe(options?: MediaHandlerOptions): Promise<BodyAndContentType> {
    this.assertOpen();
    const hold = options?.hold ?? false;
    if (this.state === 'have-remote-offer') {
      const body = await this.media.createAnswer({ hold });
      this.state = 'stable';
      return { body, contentType: 'application/sdp' };
    }
    const body = await this.media.createOffer({ hold, iceRestart: options?.iceRestart ?? false });
    this.state = 'have-local-offer';
    return { body, contentType: 'application/sdp' };
  }

  private async apply(sdp: string): Promise<void> {
    this.assertOpen();
    if (this.state === 'have-local-offer') {
      await this.media.setRemote(sdp, 'answer');
      this.state = 'stable';
      return;
    }
    await this.media.setRemote(sdp, 'offer');
    this.state = 'have-remote-offer';
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async rollbackDescription(): Promise<void> {
    if (this.state === 'stable') return;
    this.state = 'stable';
    await this.media.rollback();
  }

  sendDtmf(tones: string, options?: unknown): boolean {
    if (this.closed) return false;
    const dtmf = (options ?? {}) as DtmfOptions;
    this.media.sendDtmf(tones, dtmf.duration ?? 100, dtmf.interToneGap ?? 70).catch(this.onError);
    return true;
  }

  setMuted(muted: boolean): Promise<void> {
    this.assertOpen();
    return this.media.setMuted(muted);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.media.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('Session description handler is closed.');
  }
}

/** The factory sip.js calls once per session; the session id names the media session. */
export function mediaPortHandlerFactory(
  media: MediaPort,
  iceServers: () => IceServer[],
  onError: (error: unknown) => void = () => undefined,
  onMediaFailure: (sessionId: string, error: unknown) => void = () => undefined,
): SessionDescriptionHandlerFactory {
  return (session: Session) =>
    new MediaPortSessionDescriptionHandler(media.openSession(session.id, { iceServers: iceServers() }), onError, (error) =>
      onMediaFailure(session.id, error),
    );
}
