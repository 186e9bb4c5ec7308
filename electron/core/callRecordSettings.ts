// The category and disposition lists in the settings file, validated both ways: a hand-edited or
// broken settings file falls back to the built-in lists rather than blocking every call record.
import { callRecordSettingsSchema, defaultCallRecordSettings, type CallRecordSettings } from '../../shared/contract/callRecords';
import type { SettingsPort } from './ports';

const key = 'callRecords';

export class CallRecordSettingsStore {
  constructor(private readonly settings: SettingsPort) {}

  get(): CallRecordSettings {
    const parsed = callRecordSettingsSchema.safeParse(this.settings.get<unknown>(key, null));
    return parsed.success ? parsed.data : defaultCallRecordSettings;
  }

  save(next: CallRecordSettings): CallRecordSettings {
    this.settings.set(key, callRecordSettingsSchema.parse(next));
    return this.get();
  }
}
