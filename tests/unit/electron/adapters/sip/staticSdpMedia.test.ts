// The static SDP fake's two profiles: plain RTP for desk-phone-like peers, and the WebRTC gateway
// profile the softphone bench's gateway caller offers to the browser workstation.
import { describe, expect, it } from 'vitest';
import { StaticSdpMedia } from '../../../../../electron/adapters/sip/staticSdpMedia';

describe('StaticSdpMedia', () => {
  it('offers plain RTP/AVP by default', async () => {
    const offer = await new StaticSdpMedia().openSession('a').createOffer({ hold: false, iceRestart: false });
    expect(offer).toMatch(/^m=audio \d+ RTP\/AVP 0 101\r$/m);
    expect(offer).not.toMatch(/a=ice-ufrag|a=fingerprint/);
  });

  it('offers the WebRTC gateway profile: ICE-lite, DTLS fingerprint, actpass, rtcp-mux, a candidate', async () => {
    const session = new StaticSdpMedia('webrtc').openSession('b');
    const offer = await session.createOffer({ hold: false, iceRestart: false });
    expect(offer).toMatch(/^m=audio (\d+) UDP\/TLS\/RTP\/SAVPF 111 0 101\r$/m);
    expect(offer).toMatch(/^a=ice-lite\r$/m);
    expect(offer).toMatch(/^a=ice-ufrag:[0-9a-f]{12}\r$/m);
    expect(offer).toMatch(/^a=ice-pwd:[0-9a-f]{32}\r$/m);
    expect(offer).toMatch(/^a=fingerprint:sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}\r$/m);
    expect(offer).toMatch(/^a=setup:actpass\r$/m);
    expect(offer).toMatch(/^a=rtcp-mux\r$/m);
    expect(offer).toMatch(/^a=candidate:1 1 udp \d+ 127\.0\.0\.1 \d+ typ host\r$/m);
    expect(offer).toMatch(/^a=sendrecv\r$/m);
    // The same session keeps its ICE credentials and certificate across offers (no ICE restart).
    const again = await session.createOffer({ hold: true, iceRestart: false });
    expect(again.match(/a=ice-ufrag:.*/)?.[0]).toBe(offer.match(/a=ice-ufrag:.*/)?.[0]);
    expect(again).toMatch(/^a=sendonly\r$/m);
  });

  it('answers a browser offer with the active DTLS role in the WebRTC profile', async () => {
    const session = new StaticSdpMedia('webrtc').openSession('c');
    await session.setRemote('v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv\r\n', 'offer');
    const answer = await session.createAnswer({ hold: false });
    expect(answer).toMatch(/^a=setup:active\r$/m);
    expect(answer).toMatch(/^a=sendrecv\r$/m);
  });
});
