// The ringtone, played in the ring cadence the ring counter counts (S-1.3), on the ringer device
// the agent chose (e.g. the desk speakers while the headset is off). Built from an oscillator,
// so there is no audio file to ship, and scheduled ahead on the audio clock so it never stutters.
import type { RingCadence } from '../../../../shared/domain/ringCadence';
import { ringPattern } from '../../../../shared/domain/ringCadence';

/** 450 Hz: the ring-back tone frequency of China's telephone network. */
const toneHz = 450;
const scheduleCycles = 40;

type SinkableAudioContext = AudioContext & { setSinkId?: (id: string) => Promise<void> };

export class Ringtone {
  private context: SinkableAudioContext | null = null;

  async start(cadence: RingCadence, ringerId: string | null): Promise<void> {
    this.stop();
    const context: SinkableAudioContext = new AudioContext();
    this.context = context;
    // A ringer that has gone away falls back to the default output rather than ringing nowhere.
    if (ringerId && context.setSinkId) await context.setSinkId(ringerId).catch(() => undefined);
    const oscillator = context.createOscillator();
    oscillator.frequency.value = toneHz;
    const gain = context.createGain();
    gain.gain.value = 0;
    oscillator.connect(gain).connect(context.destination);
    let at = context.currentTime + 0.02;
    const pattern = ringPattern(cadence);
    for (let cycle = 0; cycle < scheduleCycles; cycle++) {
      for (const segment of pattern) {
        gain.gain.setValueAtTime(segment.on ? 0.25 : 0, at);
        at += segment.ms / 1000;
      }
    }
    gain.gain.setValueAtTime(0, at);
    oscillator.start();
    // Browsers start audio suspended until the page has had a user gesture; try, and ring visually regardless.
    await context.resume().catch(() => undefined);
  }

  stop(): void {
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}
