// The working calendar in the settings file, validated both ways: a broken or hand-edited entry
// falls back to the defaults rather than stopping every due time from being computed.
import {
  defaultWorkingCalendarSettings,
  workingCalendarSettingsSchema,
  type WorkingCalendarSettings,
} from '../../shared/contract/workingCalendar';
import type { SettingsPort } from './ports';

const key = 'workingCalendar';

export class WorkingCalendarSettingsStore {
  constructor(private readonly settings: SettingsPort) {}

  get(): WorkingCalendarSettings {
    const stored = this.settings.get<unknown>(key, null);
    const parsed = workingCalendarSettingsSchema.safeParse(typeof stored === 'object' && stored ? { ...defaultWorkingCalendarSettings, ...stored } : stored);
    return parsed.success ? parsed.data : defaultWorkingCalendarSettings;
  }

  save(next: WorkingCalendarSettings): WorkingCalendarSettings {
    this.settings.set(key, workingCalendarSettingsSchema.parse(next));
    return this.get();
  }
}
