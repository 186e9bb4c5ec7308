// The category and disposition lists (S-3 call records) in the settings file.
import { callRecordSettingsSchema, defaultCallRecordSettings, type CallRecordSettings } from '../../../shared/contract/callLog';
import type { SettingsPort } from '../kernel/platformPorts';
import { SettingsSection } from '../kernel/settingsSection';

export class CallLogSettingsStore extends SettingsSection<CallRecordSettings> {
  constructor(settings: SettingsPort) {
    super(settings, 'callRecords', callRecordSettingsSchema, defaultCallRecordSettings);
  }
}
