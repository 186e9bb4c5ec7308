// The phone-preference contract's handlers.
import { ContractError } from '../../../shared/contract/envelope';
import type { phonePreferenceMethods } from '../../../shared/contract/phonePreferences';
import type { CallClocksService } from '../callClocks/callClocksService';
import type { CallClocksSettingsStore } from '../callClocks/callClocksSettings';
import type { ApiHandlers } from '../kernel/dispatcher';
import { performPhoneShortcut, type PhonePreferencesService } from './phonePreferencesService';
import type { Softphone } from '../softphone/softphoneHandlers';

type PhonePreferenceHandlers = Pick<ApiHandlers, keyof typeof phonePreferenceMethods>;

export function phonePreferenceHandlers(
  preferences: PhonePreferencesService,
  softphone: Softphone | null,
  clocks: CallClocksService | null,
  clockSettings: CallClocksSettingsStore,
): PhonePreferenceHandlers {
  const phone = () => {
    if (!softphone || !clocks) throw new ContractError('UNAVAILABLE', 'This host has no softphone.');
    const service = softphone.service;
    return {
      calls: () => service.state().calls,
      answerCall: (id: string) => service.answerCall(id),
      declineCall: (id: string) => service.declineCall(id),
      hangUp: (id: string) => service.hangUp(id),
      holdCall: (id: string) => service.holdCall(id),
      resumeCall: (id: string) => service.resumeCall(id),
      setMuted: (id: string, muted: boolean) => service.setMuted(id, muted),
      startHoldSteps: (id: string) => clocks.startHoldSteps(id),
      guidedHold: () => clockSettings.get().guidedHold,
    };
  };
  return {
    getAudioDevices: () => preferences.audioDevices(),
    saveAudioDevices: (devices) => preferences.saveAudioDevices(devices),
    getPhoneShortcuts: () => preferences.shortcuts(),
    savePhoneShortcuts: (shortcuts) => preferences.saveShortcuts(shortcuts),
    getGlobalShortcutStatus: () => preferences.globalShortcutStatus(),
    performPhoneShortcut: ({ action }) => performPhoneShortcut(action, phone()),
    reportNetworkChanged: () => {
      softphone?.service.networkChanged();
      return {};
    },
  };
}
