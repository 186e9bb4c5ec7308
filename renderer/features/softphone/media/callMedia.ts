// One call's audio: an RTCPeerConnection driven step by step by the main process, which owns the
// SIP dialog (see electron/adapters/sip/mediaPortSessionDescriptionHandler.ts). SIP carries whole
// SDP bodies, so every description we hand back has finished gathering ICE candidates.
import type { IceServer } from '../../../../shared/contract/softphone';

/** Longest we wait for ICE gathering before sending what we have (loopback gathers in a few ms). */
const gatheringLimitMs = 2_000;

export interface CallMediaDevices {
  microphoneId: string | null;
  speakerId: string | null;
}

export class CallMedia {
  private pc: RTCPeerConnection | null = null;
  private microphone: Promise<MediaStream> | null = null;
  private readonly remoteAudio: HTMLAudioElement;
  private muted = false;

  constructor(
    readonly callId: string,
    private readonly devices: () => CallMediaDevices,
  ) {
    this.remoteAudio = document.createElement('audio');
    this.remoteAudio.autoplay = true;
    this.remoteAudio.dataset['callId'] = callId;
    this.remoteAudio.hidden = true;
    document.body.append(this.remoteAudio);
  }

  /** Opens the microphone early (while the call rings) so Answer does not wait for it. */
  prepare(): void {
    void this.localStream().catch(() => undefined); // the error surfaces again when the step needs it
  }

  async createOffer(options: { hold: boolean; iceRestart: boolean; iceServers: IceServer[] }): Promise<string> {
    const pc = this.connection(options.iceServers);
    await this.attachMicrophone(pc);
    this.setDirection(pc, options.hold);
    await pc.setLocalDescription(await pc.createOffer({ iceRestart: options.iceRestart }));
    return this.completeLocalDescription(pc);
  }

  async createAnswer(options: { hold: boolean; iceServers: IceServer[] }): Promise<string> {
    const pc = this.connection(options.iceServers);
    await this.attachMicrophone(pc);
    this.setDirection(pc, options.hold);
    await pc.setLocalDescription(await pc.createAnswer());
    return this.completeLocalDescription(pc);
  }

  /**
   * The answer to a ringing call's offer, ready before the agent answers (sent only if they do).
   * It takes the passive DTLS role: this connection can reach the caller's candidates before the
   * answer is sent, and as the active side it would start a DTLS handshake with the caller at once.
   * If it were then thrown away (the page reloads while ringing) the caller's DTLS would be stuck
   * with it and a fresh answer could never connect. Passive, it waits for the caller's handshake,
   * which starts only when the caller has our answer.
   */
  async prepareAnswer(offer: string, iceServers: IceServer[]): Promise<string> {
    const pc = this.connection(iceServers);
    await pc.setRemoteDescription({ type: 'offer', sdp: offer });
    await this.attachMicrophone(pc);
    this.setDirection(pc, false);
    const answer = await pc.createAnswer();
    await pc.setLocalDescription({ type: 'answer', sdp: (answer.sdp ?? '').replace(/^a=setup:active\r?$/gm, (line) => line.replace('active', 'passive')) });
    return this.completeLocalDescription(pc);
  }

  async setRemote(sdp: string, type: 'offer' | 'answer'): Promise<void> {
    await this.connection(null).setRemoteDescription({ type, sdp });
  }

  async rollback(): Promise<void> {
    const pc = this.connection(null);
    if (pc.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
  }

  async setMuted(muted: boolean): Promise<void> {
    this.muted = muted;
    // Disabling the track sends silence; the far end hears nothing and signalling is untouched.
    for (const track of (await this.localStream()).getAudioTracks()) track.enabled = !muted;
  }

  sendDtmf(tones: string, durationMs: number, gapMs: number): void {
    const sender = this.pc?.getSenders().find((s) => s.dtmf);
    if (!sender?.dtmf) throw new Error('This call has no audio sender for keypad tones yet.');
    if (!sender.dtmf.canInsertDTMF) throw new Error('The far end did not accept RFC 4733 keypad tones (telephone-event).');
    sender.dtmf.insertDTMF(tones, durationMs, gapMs);
  }

  /** Plays the caller on another output device (speaker choice changed mid-call). */
  async useSpeaker(deviceId: string | null): Promise<void> {
    const audio = this.remoteAudio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (audio.setSinkId) await audio.setSinkId(deviceId ?? '');
  }

  connectionState(): RTCPeerConnectionState | null {
    return this.pc?.connectionState ?? null;
  }

  close(): void {
    this.pc?.close();
    this.pc = null;
    void this.microphone?.then((stream) => stream.getTracks().forEach((t) => t.stop())).catch(() => undefined);
    this.microphone = null;
    this.remoteAudio.srcObject = null;
    this.remoteAudio.remove();
  }

  /** The call's peer connection; `iceServers` (known from create* requests) apply before gathering starts. */
  private connection(iceServers: IceServer[] | null): RTCPeerConnection {
    if (this.pc) {
      if (iceServers && this.pc.signalingState !== 'closed') this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers });
      return this.pc;
    }
    // 'balanced', not 'max-bundle': an RTP <-> WebRTC bridge (rtpengine, most SBCs) offers and
    // answers without an a=group:BUNDLE line, which max-bundle refuses outright (issue 20). With a
    // single audio m-line, balanced costs nothing when the far end does bundle.
    const pc = new RTCPeerConnection({ iceServers: iceServers ?? [], bundlePolicy: 'balanced', rtcpMuxPolicy: 'require' });
    pc.ontrack = (event) => {
      this.remoteAudio.srcObject = event.streams[0] ?? new MediaStream([event.track]);
      void this.useSpeaker(this.devices().speakerId).catch(() => undefined);
    };
    this.pc = pc;
    return pc;
  }

  private localStream(): Promise<MediaStream> {
    if (!this.microphone) {
      const { microphoneId } = this.devices();
      this.microphone = navigator.mediaDevices
        .getUserMedia({ audio: microphoneId ? { deviceId: { exact: microphoneId } } : true, video: false })
        // A chosen microphone that has gone away falls back to the default rather than failing the call.
        .catch((error: unknown) => {
          if (!microphoneId) throw error;
          return navigator.mediaDevices.getUserMedia({ audio: true, video: false });
        });
    }
    return this.microphone;
  }

  private async attachMicrophone(pc: RTCPeerConnection): Promise<void> {
    const stream = await this.localStream();
    const track = stream.getAudioTracks()[0];
    if (!track) throw new Error('The microphone gave no audio track.');
    track.enabled = !this.muted;
    const transceiver = pc.getTransceivers().find((t) => t.receiver.track.kind === 'audio');
    if (!transceiver) {
      pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream] });
    } else if (transceiver.sender.track !== track) {
      await transceiver.sender.replaceTrack(track);
      transceiver.sender.setStreams?.(stream);
    }
  }

  /** Hold is "inactive" both ways: the caller must not hear the agent while held (S-2). */
  private setDirection(pc: RTCPeerConnection, hold: boolean): void {
    for (const transceiver of pc.getTransceivers()) {
      if (transceiver.receiver.track.kind === 'audio' && transceiver.currentDirection !== 'stopped') transceiver.direction = hold ? 'inactive' : 'sendrecv';
    }
  }

  private async completeLocalDescription(pc: RTCPeerConnection): Promise<string> {
    if (pc.iceGatheringState !== 'complete') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, gatheringLimitMs);
        function done() {
          clearTimeout(timer);
          pc.removeEventListener('icegatheringstatechange', onChange);
          resolve();
        }
        function onChange() {
          if (pc.iceGatheringState === 'complete') done();
        }
        pc.addEventListener('icegatheringstatechange', onChange);
      });
    }
    const sdp = pc.localDescription?.sdp;
    if (!sdp) throw new Error('The peer connection produced no local description.');
    return sdp;
  }
}
