// The phone-preference contract's handlers: audio devices, shortcuts and what they do to calls.
import type { phonePreferenceMethods } from '../../../shared/contract/phonePreferences';
import type { ApiHandlers } from '../kernel/dispatcher';
import { performPhoneShortcut, type PhonePreferencesService } from './phonePreferencesService';
import type { CallClocksFeature } from '../callClocks';
import type { SoftphoneService } from '../softphone';

export type PhonePreferenceHandlers = Pick<ApiHandlers, keyof typeof phonePreferenceMethods>;

export function phonePreferenceHandlers(
  preferences: PhonePreferencesService,
  service: SoftphoneService,
  clocks: CallClocksFeature,
): PhonePreferenceHandlers {
  const phone = {
    calls: () => service.state().calls,
    answerCall: (id: string) => service.answerCall(id),
    declineCall: (id: string) => service.declineCall(id),
    hangUp: (id: string) => service.hangUp(id),
    holdCall: (id: string) => service.holdCall(id),
    resumeCall: (id: string) => service.resumeCall(id),
    setMuted: (id: string, muted: boolean) => service.setMuted(id, muted),
    startHoldSteps: (id: string) => clocks.service.startHoldSteps(id),
    guidedHold: () => clocks.settings.get().guidedHold,
  };
  return {
    getAudioDevices: () => preferences.audioDevices(),
    saveAudioDevices: (devices) => preferences.saveAudioDevices(devices),
    getPhoneShortcuts: () => preferences.shortcuts(),
    savePhoneShortcuts: (shortcuts) => preferences.saveShortcuts(shortcuts),
    getGlobalShortcutStatus: () => preferences.globalShortcutStatus(),
    performPhoneShortcut: ({ action }) => performPhoneShortcut(action, phone),
    reportNetworkChanged: () => {
      service.networkChanged();
      return {};
    },
  };
}
