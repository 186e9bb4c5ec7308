// The renderer media bridge and the SessionDescriptionHandler over it: offer/answer tracking,
// hold and ICE-restart flags reach the renderer, replies settle requests, silence times out.
import { describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../../../../shared/contract/softphone';
import { mediaRequestSchema } from '../../../../../shared/contract/softphone';
import { MediaPortSessionDescriptionHandler } from '../../../../../electron/adapters/sip/mediaPortSessionDescriptionHandler';
import { MediaBridge } from '../../../../../electron/core/softphone/mediaBridge';
import { FakeClock } from '../../../../support/fakeClock';

const sdp = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n';

/** A renderer stand-in that answers each request the way an RTCPeerConnection wrapper would. */
function bridgeWithRenderer(clock = new FakeClock()) {
  const requests: MediaRequest[] = [];
  const bridge: MediaBridge = new MediaBridge({
    clock,
    timeoutMs: 5000,
    send: (request) => {
      requests.push(mediaRequestSchema.parse(request)); // every request fits the contract
      queueMicrotask(() =>
        bridge.complete(request.requestId, request.kind === 'createOffer' || request.kind === 'createAnswer' || request.kind === 'prepareAnswer' ? { sdp } : {}),
      );
    },
  });
  return { bridge, requests, clock };
}

describe('MediaBridge + MediaPortSessionDescriptionHandler', () => {
  it('an answer prepared while ringing is used on Answer: no renderer round trip after the click', async () => {
    const { bridge, requests } = bridgeWithRenderer();
    bridge.prepareAnswer('call-9', sdp, { iceServers: [] });
    await new Promise((r) => setTimeout(r, 0));
    const handler = new MediaPortSessionDescriptionHandler(bridge.openSession('call-9', { iceServers: [] }), () => undefined);
    await handler.setDescription(sdp);
    expect(await handler.getDescription()).toEqual({ body: sdp, contentType: 'application/sdp' });
    expect(requests.map((r) => r.kind)).toEqual(['prepareAnswer']);
    expect(requests[0]).toMatchObject({ kind: 'prepareAnswer', sdp, callId: 'call-9' });
  });

  it('a prepared answer is not used for a different offer, nor when answering on hold', async () => {
    const { bridge, requests } = bridgeWithRenderer();
    bridge.prepareAnswer('call-10', sdp, { iceServers: [] });
    const other = new MediaPortSessionDescriptionHandler(bridge.openSession('call-10', { iceServers: [] }), () => undefined);
    await other.setDescription(`${sdp}a=x-changed\r\n`);
    await other.getDescription();
    expect(requests.map((r) => r.kind)).toEqual(['prepareAnswer', 'close', 'setRemote', 'createAnswer']);

    requests.length = 0;
    bridge.prepareAnswer('call-11', sdp, { iceServers: [] });
    const held = new MediaPortSessionDescriptionHandler(bridge.openSession('call-11', { iceServers: [] }), () => undefined);
    await held.setDescription(sdp);
    await held.getDescription({ hold: true } as object);
    expect(requests.map((r) => r.kind)).toEqual(['prepareAnswer', 'close', 'setRemote', 'createAnswer']);
    expect(requests[3]).toMatchObject({ hold: true });
  });

  it('answers prepared for a renderer that has since restarted are not used', async () => {
    const { bridge, requests } = bridgeWithRenderer();
    bridge.prepareAnswer('call-13', sdp, { iceServers: [] });
    await new Promise((r) => setTimeout(r, 0));
    bridge.discardAllPrepared();
    const handler = new MediaPortSessionDescriptionHandler(bridge.openSession('call-13', { iceServers: [] }), () => undefined);
    await handler.setDescription(sdp);
    await handler.getDescription();
    expect(requests.map((r) => r.kind)).toEqual(['prepareAnswer', 'setRemote', 'createAnswer']);
  });

  it('a prepared answer that failed falls back to the ordinary offer/answer on Answer', async () => {
    const clock = new FakeClock();
    const requests: MediaRequest[] = [];
    const bridge: MediaBridge = new MediaBridge({
      clock,
      send: (request) => {
        requests.push(request);
        queueMicrotask(() =>
          bridge.complete(request.requestId, request.kind === 'prepareAnswer' ? { error: 'NotAllowedError' } : request.kind === 'createAnswer' ? { sdp } : {}),
        );
      },
    });
    bridge.prepareAnswer('call-12', sdp, { iceServers: [] });
    const handler = new MediaPortSessionDescriptionHandler(bridge.openSession('call-12', { iceServers: [] }), () => undefined);
    await handler.setDescription(sdp);
    expect(await handler.getDescription()).toEqual({ body: sdp, contentType: 'application/sdp' });
    expect(requests.map((r) => r.kind)).toEqual(['prepareAnswer', 'close', 'setRemote', 'createAnswer']);
  });

  it('outgoing call: offer, then the remote answer; a hold re-offer carries hold', async () => {
    const { bridge, requests } = bridgeWithRenderer();
    const handler = new MediaPortSessionDescriptionHandler(bridge.openSession('call-1', { iceServers: [] }), () => undefined);
    const offer = await handler.getDescription({});
    expect(offer).toEqual({ body: sdp, contentType: 'application/sdp' });
    await handler.setDescription(sdp);
    await handler.getDescription({ hold: true } as object);
    await handler.setDescription(sdp);
    expect(requests.map((r) => [r.kind, 'type' in r ? r.type : null, 'hold' in r ? r.hold : null])).toEqual([
      ['createOffer', null, false],
      ['setRemote', 'answer', null],
      ['createOffer', null, true],
      ['setRemote', 'answer', null],
    ]);
    expect(requests.every((r) => r.callId === 'call-1')).toBe(true);
  });

  it('incoming call: remote offer then our answer; ICE restart and DTMF and mute are forwarded', async () => {
    const { bridge, requests } = bridgeWithRenderer();
    const handler = new MediaPortSessionDescriptionHandler(bridge.openSession('call-2', { iceServers: [{ urls: ['stun:stun.example.org'] }] }), () => undefined);
    await handler.setDescription(sdp);
    await handler.getDescription();
    await handler.getDescription({ iceRestart: true } as object);
    expect(handler.sendDtmf('1#', { duration: 120, interToneGap: 80 })).toBe(true);
    await handler.setMuted(true);
    handler.close();
    await new Promise((r) => setTimeout(r, 0));
    expect(requests.map((r) => r.kind)).toEqual(['setRemote', 'createAnswer', 'createOffer', 'sendDtmf', 'setMuted', 'close']);
    expect(requests[1]).toMatchObject({ kind: 'createAnswer', iceServers: [{ urls: ['stun:stun.example.org'] }] });
    expect(requests[2]).toMatchObject({ kind: 'createOffer', iceRestart: true, hold: false });
    expect(requests[3]).toMatchObject({ kind: 'sendDtmf', tones: '1#', durationMs: 120, gapMs: 80 });
    expect(requests[4]).toMatchObject({ kind: 'setMuted', muted: true });
    await expect(handler.getDescription()).rejects.toThrow(/closed/);
  });

  it('rollback returns to stable so the next remote description is treated as an offer', async () => {
    const { bridge, requests } = bridgeWithRenderer();
    const handler = new MediaPortSessionDescriptionHandler(bridge.openSession('call-3', { iceServers: [] }), () => undefined);
    await handler.getDescription();
    await handler.rollbackDescription();
    await handler.setDescription(sdp);
    expect(requests.map((r) => (r.kind === 'setRemote' ? `setRemote:${r.type}` : r.kind))).toEqual(['createOffer', 'rollback', 'setRemote:offer']);
  });

  it('a renderer error or silence fails the step; late and unknown replies are refused', async () => {
    const clock = new FakeClock();
    const sent: MediaRequest[] = [];
    const bridge = new MediaBridge({ clock, timeoutMs: 5000, send: (r) => sent.push(r) });
    const session = bridge.openSession('call-4', { iceServers: [] });

    const failing = session.createAnswer({ hold: false });
    expect(bridge.complete(sent[0]!.requestId, { error: 'getUserMedia denied' })).toBe(true);
    await expect(failing).rejects.toThrow(/getUserMedia denied/);

    const silent = session.createOffer({ hold: false, iceRestart: false });
    clock.advance(5000);
    await expect(silent).rejects.toThrow(/No renderer answered media request createOffer/);
    expect(bridge.complete(sent[1]!.requestId, { sdp })).toBe(false);
    expect(bridge.complete('nope', { sdp })).toBe(false);
    expect(bridge.pendingCount()).toBe(0);

    const empty = session.createOffer({ hold: false, iceRestart: false });
    bridge.complete(sent[2]!.requestId, {});
    await expect(empty).rejects.toThrow(/no SDP/);
  });
});
