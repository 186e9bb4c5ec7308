// Audio-device choices and keyboard shortcuts kept in settings, and what a shortcut does when
// pressed: the same decision for the in-page shortcut and Electron's global one.
import {
  audioDevicesSchema,
  defaultAudioDevices,
  defaultPhoneShortcuts,
  phoneShortcutsSchema,
  type AudioDevices,
  type GlobalShortcutStatus,
  type PhoneShortcutAction,
  type PhoneShortcuts,
} from '../../../shared/contract/phonePreferences';
import type { CallView } from '../../../shared/contract/softphone';
import type { EventHub } from '../kernel/eventHub';
import type { SettingsPort } from '../kernel/platformPorts';
import { SettingsSection } from '../kernel/settingsSection';

/** What a shortcut needs from the phone and the clocks. */
export interface ShortcutPhone {
  calls(): CallView[];
  answerCall(callId: string): Promise<unknown>;
  declineCall(callId: string): Promise<unknown>;
  hangUp(callId: string): Promise<unknown>;
  holdCall(callId: string): Promise<unknown>;
  resumeCall(callId: string): Promise<unknown>;
  setMuted(callId: string, muted: boolean): Promise<unknown>;
  /** S-2: with guided hold on, the hold shortcut opens the hold steps instead of holding. */
  startHoldSteps(callId: string): unknown;
  guidedHold(): boolean;
}

export class PhonePreferencesService {
  private readonly devices: SettingsSection<AudioDevices>;
  private readonly keys: SettingsSection<PhoneShortcuts>;
  private globalStatus: GlobalShortcutStatus = { taken: [] };

  constructor(
    settings: SettingsPort,
    private readonly eventHub: EventHub,
  ) {
    this.devices = new SettingsSection(settings, 'audioDevices', audioDevicesSchema, defaultAudioDevices);
    this.keys = new SettingsSection(settings, 'phoneShortcuts', phoneShortcutsSchema, defaultPhoneShortcuts);
  }

  audioDevices(): AudioDevices {
    return this.devices.get();
  }

  saveAudioDevices(devices: AudioDevices): AudioDevices {
    const saved = this.devices.save(devices);
    this.eventHub.emit('onAudioDevicesChanged', saved);
    return saved;
  }

  shortcuts(): PhoneShortcuts {
    return this.keys.get();
  }

  saveShortcuts(shortcuts: PhoneShortcuts): PhoneShortcuts {
    const saved = this.keys.save(shortcuts);
    this.eventHub.emit('onPhoneShortcutsChanged', saved);
    return saved;
  }

  /** Which global shortcuts another application holds (always none in the web host). */
  globalShortcutStatus(): GlobalShortcutStatus {
    return this.globalStatus;
  }

  /** The Electron shell registered the global shortcuts: the agent is told which did not take. */
  reportGlobalShortcuts(status: GlobalShortcutStatus): void {
    this.globalStatus = status;
    this.eventHub.emit('onGlobalShortcutStatus', status);
  }
}

/** Answer: the oldest ringing call. The others act on the current call: the newest one talking, else held or dialing. */
export async function performPhoneShortcut(action: PhoneShortcutAction, phone: ShortcutPhone): Promise<{ done: boolean; callId: string | null }> {
  const calls = phone.calls();
  const ringing = calls.find((c) => c.phase === 'ringing' && c.direction === 'inbound');
  const newest = (phases: CallView['phase'][]) => [...calls].reverse().find((c) => phases.includes(c.phase));
  const current = newest(['active']) ?? newest(['held', 'dialing']);
  const done = (callId: string) => ({ done: true, callId });
  switch (action) {
    case 'answer':
      if (!ringing) break;
      await phone.answerCall(ringing.callId);
      return done(ringing.callId);
    case 'hangUp':
      if (current) {
        await phone.hangUp(current.callId);
        return done(current.callId);
      }
      if (ringing) {
        await phone.declineCall(ringing.callId);
        return done(ringing.callId);
      }
      break;
    case 'hold':
      if (current?.phase === 'held') await phone.resumeCall(current.callId);
      else if (current?.phase === 'active') await (phone.guidedHold() ? phone.startHoldSteps(current.callId) : phone.holdCall(current.callId));
      else break;
      return done(current.callId);
    case 'mute':
      if (current?.phase !== 'active' && current?.phase !== 'held') break;
      await phone.setMuted(current.callId, !current.muted);
      return done(current.callId);
  }
  return { done: false, callId: null };
}
