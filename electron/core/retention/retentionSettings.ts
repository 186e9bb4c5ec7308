// The retention period (S-6) in the settings file; off unless an admin sets it.
import { defaultRetentionSettings, retentionSettingsSchema, type RetentionSettings } from '../../../shared/contract/retention';
import type { SettingsPort } from '../kernel/platformPorts';
import { SettingsSection } from '../kernel/settingsSection';

export class RetentionSettingsStore extends SettingsSection<RetentionSettings> {
  constructor(settings: SettingsPort) {
    super(settings, 'retention', retentionSettingsSchema, defaultRetentionSettings);
  }
}
