// Reads a 16-bit PCM WAV file (as baresip's sndfile module writes them) and measures its level:
// how a test tells a phone heard real audio rather than silence or nothing.
import { readFileSync } from 'node:fs';

export interface WavLevel {
  sampleRate: number;
  seconds: number;
  /** Root mean square of the samples, 0 … 32767. */
  rms: number;
  /** Seconds whose RMS is above `threshold` (100 by default: well above codec noise). */
  loudSeconds: number;
}

export function wavLevel(file: string, threshold = 100): WavLevel {
  const data = readFileSync(file);
  if (data.toString('ascii', 0, 4) !== 'RIFF' || data.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${file}: not a WAV file`);
  let offset = 12;
  let sampleRate = 8000;
  let channels = 1;
  let samples: Int16Array | null = null;
  while (offset + 8 <= data.length) {
    const id = data.toString('ascii', offset, offset + 4);
    let size = data.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      channels = data.readUInt16LE(body + 2);
      sampleRate = data.readUInt32LE(body + 4);
      if (data.readUInt16LE(body + 14) !== 16) throw new Error(`${file}: only 16-bit PCM is read here`);
    } else if (id === 'data') {
      // A dump still being written may say 0 or too much: take what is there.
      if (size === 0 || body + size > data.length) size = data.length - body;
      samples = new Int16Array(data.buffer.slice(data.byteOffset + body, data.byteOffset + body + (size & ~1)));
      break;
    }
    offset = body + size + (size & 1);
  }
  if (!samples) return { sampleRate, seconds: 0, rms: 0, loudSeconds: 0 };
  const perSecond = sampleRate * channels;
  let sum = 0;
  let loudSeconds = 0;
  for (let start = 0; start < samples.length; start += perSecond) {
    let windowSum = 0;
    const end = Math.min(samples.length, start + perSecond);
    for (let i = start; i < end; i++) windowSum += samples[i]! * samples[i]!;
    sum += windowSum;
    if (end - start >= perSecond / 2 && Math.sqrt(windowSum / (end - start)) > threshold) loudSeconds++;
  }
  return { sampleRate, seconds: samples.length / perSecond, rms: Math.sqrt(sum / Math.max(1, samples.length)), loudSeconds };
}
