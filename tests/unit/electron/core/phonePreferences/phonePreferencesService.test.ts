// The agent is told which global shortcuts another application holds (issue 21).
import { describe, expect, it } from 'vitest';
import { EventHub } from '../../../../../electron/core/kernel/eventHub';
import { eventViewFor } from '../../../../../electron/core/softphone';
import { PhonePreferencesService } from '../../../../../electron/core/phonePreferences/phonePreferencesService';
import { MemorySettings } from '../../../../support/softphone/softphoneFixtures';

describe('PhonePreferencesService global shortcut status', () => {
  it('starts with none taken (the web host never registers any) and passes the shell report on', () => {
    const hub = new EventHub(eventViewFor(null));
    const seen: unknown[] = [];
    hub.subscribe((event, payload) => event === 'onGlobalShortcutStatus' && seen.push(payload));
    const service = new PhonePreferencesService(new MemorySettings(), hub);
    expect(service.globalShortcutStatus()).toEqual({ taken: [] });
    service.reportGlobalShortcuts({ taken: ['answer'] });
    expect(service.globalShortcutStatus()).toEqual({ taken: ['answer'] });
    expect(seen).toEqual([{ taken: ['answer'] }]);
  });
});
