// The service-standard clock settings (S-1, S-2, wrap-up) in the settings file.
import { clockSettingsSchema, defaultClockSettings, type ClockSettings } from '../../../shared/contract/callClocks';
import type { SettingsPort } from '../kernel/platformPorts';
import { SettingsSection } from '../kernel/settingsSection';

export class CallClocksSettingsStore extends SettingsSection<ClockSettings> {
  constructor(settings: SettingsPort) {
    super(settings, 'clocks', clockSettingsSchema, defaultClockSettings);
  }
}
