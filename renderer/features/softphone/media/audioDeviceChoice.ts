// Resolves the agent's remembered devices against the devices present now: the same id, else a
// device with the same label (ids change when the browser profile or origin does), else the
// system default and a notice that the chosen device is gone.
import type { AudioDevices } from '../../../../shared/contract/phonePreferences';

export type DeviceRole = keyof AudioDevices;
const kindOf: Record<DeviceRole, MediaDeviceKind> = { microphone: 'audioinput', speaker: 'audiooutput', ringer: 'audiooutput' };

export interface ResolvedDevice {
  id: string | null;
  /** The chosen device is not connected any more (the default is used). */
  gone: boolean;
}

export function resolveDevice(choices: AudioDevices, role: DeviceRole, present: readonly MediaDeviceInfo[]): ResolvedDevice {
  const choice = choices[role];
  if (!choice) return { id: null, gone: false };
  const candidates = present.filter((d) => d.kind === kindOf[role]);
  const byId = candidates.find((d) => d.deviceId === choice.id);
  if (byId) return { id: byId.deviceId, gone: false };
  const byLabel = choice.label ? candidates.find((d) => d.label === choice.label) : undefined;
  if (byLabel) return { id: byLabel.deviceId, gone: false };
  return { id: null, gone: true };
}

export function devicesOfRole(role: DeviceRole, present: readonly MediaDeviceInfo[]): MediaDeviceInfo[] {
  return present.filter((d) => d.kind === kindOf[role] && d.deviceId !== 'default' && d.deviceId !== 'communications');
}

/** Device labels are empty until the page may use the microphone: ask once, then list again. */
export async function listDevicesWithLabels(): Promise<MediaDeviceInfo[]> {
  let devices = await navigator.mediaDevices.enumerateDevices();
  if (devices.some((d) => d.kind === 'audioinput' && d.label === '')) {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
    stream?.getTracks().forEach((t) => t.stop());
    devices = await navigator.mediaDevices.enumerateDevices();
  }
  return devices;
}
