// The on-arrival offer check (issue 20): what a bridge or gateway offers is taken; what the
// browser could never answer is refused before the desk rings.
import { describe, expect, it } from 'vitest';
import { checkOffer } from '../../../../shared/domain/webRtcOfferCheck';

const webRtcAudio = (formats: string, rtpmaps: string[], proto = 'UDP/TLS/RTP/SAVPF', extra: string[] = []) =>
  [
    'v=0',
    'o=- 1 1 IN IP4 127.0.0.1',
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio 30000 ${proto} ${formats}`,
    'a=ice-ufrag:abcd',
    'a=ice-pwd:0123456789012345678901',
    'a=fingerprint:sha-256 AA:BB',
    'a=setup:actpass',
    'a=rtcp-mux',
    ...rtpmaps,
    ...extra,
    '',
  ].join('\r\n');

describe('checkOffer', () => {
  it('takes what an rtpengine bridge offers: PCMU, PCMA, G.722, opus, no BUNDLE group', () => {
    const sdp = webRtcAudio('0 8 9 111 101', ['a=rtpmap:111 opus/48000/2', 'a=rtpmap:101 telephone-event/8000']);
    expect(checkOffer(sdp)).toEqual({ refusal: null, offeredCodecs: ['pcmu/8000', 'pcma/8000', 'g722/8000', 'opus/48000'] });
  });

  it('takes the RTP/SAVPF profile name rtpengine writes toward WebRTC', () => {
    expect(checkOffer(webRtcAudio('0 8', [], 'RTP/SAVPF')).refusal).toBeNull();
  });

  it('takes a single PCMA stream with static payload type and no rtpmap', () => {
    expect(checkOffer(webRtcAudio('8', [])).refusal).toBeNull();
  });

  it('refuses an offer whose only codec the browser cannot decode (GSM, G.729)', () => {
    const verdict = checkOffer(webRtcAudio('3 18 101', ['a=rtpmap:101 telephone-event/8000']));
    expect(verdict).toEqual({ refusal: 'noCommonCodec', offeredCodecs: ['gsm/8000', 'g729/8000'] });
  });

  it('does not count telephone-event or comfort noise as a codec', () => {
    expect(checkOffer(webRtcAudio('101 13', ['a=rtpmap:101 telephone-event/8000', 'a=rtpmap:13 CN/8000'])).refusal).toBe('noCommonCodec');
  });

  it('refuses an offer without a DTLS fingerprint or without ICE, whatever its profile says', () => {
    expect(checkOffer(webRtcAudio('0', []).replace(/a=fingerprint:.*\r\n/, '')).refusal).toBe('notWebRtc');
    expect(checkOffer(webRtcAudio('0', []).replace(/a=ice-ufrag:.*\r\n/, '')).refusal).toBe('notWebRtc');
  });

  it('refuses plain RTP from a phone with no bridge in front (no DTLS, no ICE)', () => {
    const plain = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 4000 RTP/AVP 0 8', ''].join('\r\n');
    expect(checkOffer(plain).refusal).toBe('notWebRtc');
  });

  it('refuses an offer with no audio, or only a rejected audio stream', () => {
    expect(checkOffer(webRtcAudio('0', []).replace('m=audio 30000', 'm=audio 0')).refusal).toBe('noAudio');
    expect(checkOffer('v=0\r\nm=video 9 UDP/TLS/RTP/SAVPF 96\r\n').refusal).toBe('noAudio');
    expect(checkOffer('').refusal).toBe('noAudio');
  });

  it('reads session-level ICE and fingerprint attributes, and lower-case codec names', () => {
    const sdp = [
      'v=0',
      'o=- 1 1 IN IP4 127.0.0.1',
      's=-',
      'a=fingerprint:sha-256 AA:BB',
      'a=ice-ufrag:abcd',
      't=0 0',
      'm=audio 30000 UDP/TLS/RTP/SAVPF 96',
      'a=rtpmap:96 OPUS/48000/2',
      '',
    ].join('\n');
    expect(checkOffer(sdp).refusal).toBeNull();
  });
});
