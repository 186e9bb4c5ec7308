// The clock settings in the settings file, validated on the way in and on the way out: a hand-
// edited or older settings file falls back to the defaults rather than breaking the ring counter.
import { clockSettingsSchema, defaultClockSettings, type ClockSettings } from '../../shared/contract/callClocks';
import type { SettingsPort } from './ports';

const key = 'clocks';

export class ClockSettingsStore {
  constructor(private readonly settings: SettingsPort) {}

  get(): ClockSettings {
    const stored = this.settings.get<unknown>(key, {});
    // Defaults fill settings added since the file was written (e.g. guidedHold).
    const parsed = clockSettingsSchema.safeParse(typeof stored === 'object' && stored ? { ...defaultClockSettings, ...stored } : stored);
    return parsed.success ? parsed.data : defaultClockSettings;
  }

  save(next: ClockSettings): ClockSettings {
    this.settings.set(key, clockSettingsSchema.parse(next));
    return this.get();
  }
}
