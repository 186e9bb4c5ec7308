// The working calendar due times are counted on (S-4, S-5, S-7) in the settings file.
import { defaultWorkingCalendarSettings, workingCalendarSettingsSchema, type WorkingCalendarSettings } from '../../../shared/contract/workingCalendar';
import type { SettingsPort } from '../kernel/platformPorts';
import { SettingsSection } from '../kernel/settingsSection';

export class WorkingCalendarSettingsStore extends SettingsSection<WorkingCalendarSettings> {
  constructor(settings: SettingsPort) {
    super(settings, 'workingCalendar', workingCalendarSettingsSchema, defaultWorkingCalendarSettings);
  }
}
