// Decides on arrival whether the desk's browser can take an incoming call's SDP offer, so that an
// impossible call is refused with 488 before it rings (issue 20) rather than rung and then refused
// with 480, which tells a queue the agent is unavailable. Mirrors what Chromium's WebRTC accepts:
// an RTP audio stream secured with DTLS-SRTP and ICE (what a WebRTC gateway or an RTP <-> WebRTC
// bridge offers), with at least one codec the browser decodes.

import type { OfferRefusal } from '../contract/softphone';

export type { OfferRefusal } from '../contract/softphone';

export interface OfferVerdict {
  refusal: OfferRefusal | null;
  /** Codecs offered on the first usable audio stream, as "name/rate", for the log. */
  offeredCodecs: string[];
}

/** Codecs Chromium decodes for calls, by lower-case name and clock rate. */
const browserCodecs = new Set(['opus/48000', 'g722/8000', 'pcmu/8000', 'pcma/8000']);
/** RFC 3551 static payload types that need no rtpmap line. */
const staticPayloadTypes: Record<string, string> = { '0': 'pcmu/8000', '8': 'pcma/8000', '9': 'g722/8000', '3': 'gsm/8000', '18': 'g729/8000' };
const notMedia = new Set(['telephone-event', 'cn', 'red', 'rtx', 'ulpfec', 'flexfec-03']);

interface MediaSection {
  port: number;
  proto: string;
  formats: string[];
  lines: string[];
}

export function checkOffer(sdp: string): OfferVerdict {
  const lines = sdp.split(/\r?\n/).map((l) => l.trim());
  const sessionLines: string[] = [];
  const sections: (MediaSection & { kind: string })[] = [];
  for (const line of lines) {
    const media = /^m=(\S+)\s+(\d+)(?:\/\d+)?\s+(\S+)\s*(.*)$/.exec(line);
    if (media) {
      sections.push({ kind: media[1]!.toLowerCase(), port: Number(media[2]), proto: media[3]!.toUpperCase(), formats: media[4]!.split(/\s+/).filter(Boolean), lines: [] });
    } else if (sections.length > 0) {
      sections.at(-1)!.lines.push(line);
    } else {
      sessionLines.push(line);
    }
  }
  const audio = sections.filter((s) => s.kind === 'audio' && s.port !== 0);
  if (audio.length === 0) return { refusal: 'noAudio', offeredCodecs: [] };

  let firstCodecs: string[] | null = null;
  let sawWebRtc = false;
  for (const section of audio) {
    const codecs = codecsOf(section).filter((c) => !notMedia.has(c.split('/')[0]!));
    firstCodecs ??= codecs;
    const hasAttribute = (name: string) => [...section.lines, ...sessionLines].some((l) => l.toLowerCase().startsWith(`a=${name}`));
    // Chromium insists on DTLS (a fingerprint) and ICE; it takes RTP/SAVPF as rtpengine writes it
    // as well as UDP/TLS/RTP/SAVPF.
    const webRtc = section.proto.includes('RTP/') && hasAttribute('fingerprint:') && hasAttribute('ice-ufrag:');
    if (!webRtc) continue;
    sawWebRtc = true;
    if (codecs.some((c) => browserCodecs.has(c))) return { refusal: null, offeredCodecs: codecs };
  }
  return { refusal: sawWebRtc ? 'noCommonCodec' : 'notWebRtc', offeredCodecs: firstCodecs ?? [] };
}

function codecsOf(section: MediaSection): string[] {
  const rtpmap = new Map<string, string>();
  for (const line of section.lines) {
    const match = /^a=rtpmap:(\d+)\s+([^/\s]+)\/(\d+)/i.exec(line);
    if (match) rtpmap.set(match[1]!, `${match[2]!.toLowerCase()}/${match[3]}`);
  }
  // G.722's RTP clock rate is 8000 by RFC 3551 even though it samples at 16 kHz.
  return section.formats.map((pt) => rtpmap.get(pt) ?? staticPayloadTypes[pt] ?? `pt${pt}`);
}
