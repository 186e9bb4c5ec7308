// The agent's phone preferences: audio devices, keyboard and global shortcuts (which act on the
// softphone's calls and the guided hold of the call clocks), and network-change hints.
import type { CallClocksFeature } from '../callClocks';
import type { Feature, Kernel } from '../kernel/feature';
import type { SoftphoneService } from '../softphone';
import { phonePreferenceHandlers, type PhonePreferenceHandlers } from './phonePreferencesHandlers';
import { PhonePreferencesService } from './phonePreferencesService';

export type { PhonePreferencesService } from './phonePreferencesService';

export interface PhonePreferencesFeature extends Feature<keyof PhonePreferenceHandlers> {
  service: PhonePreferencesService;
}

export function createPhonePreferences(kernel: Kernel, needs: { phone: SoftphoneService; clocks: CallClocksFeature }): PhonePreferencesFeature {
  const service = new PhonePreferencesService(kernel.settings, kernel.eventHub);
  return { service, handlers: phonePreferenceHandlers(service, needs.phone, needs.clocks), close: () => undefined };
}
