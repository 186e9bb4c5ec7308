// The agent's audio devices as the phone uses them right now, kept current when the choice
// changes (host event) or a device is plugged in or out (devicechange), with a notice when a
// chosen device has gone and the default stands in.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { defaultAudioDevices, type AudioDevices } from '../../../shared/contract/phonePreferences';
import { call } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';
import { resolveDevice, type DeviceRole } from './media/audioDeviceChoice';

export interface CurrentDevices {
  microphoneId: string | null;
  speakerId: string | null;
  ringerId: string | null;
}

export function useAudioDevices() {
  const client = useClient();
  const [choices, setChoices] = useState<AudioDevices>(defaultAudioDevices);
  const [present, setPresent] = useState<MediaDeviceInfo[]>([]);
  const latest = useRef<CurrentDevices>({ microphoneId: null, speakerId: null, ringerId: null });

  useHostEvent('onAudioDevicesChanged', setChoices);
  useEffect(() => {
    call(client, 'getAudioDevices', {}).then(setChoices, () => undefined);
    const media = navigator.mediaDevices;
    if (!media) return;
    const refresh = () => void media.enumerateDevices().then(setPresent, () => undefined);
    refresh();
    media.addEventListener('devicechange', refresh);
    return () => media.removeEventListener('devicechange', refresh);
  }, [client]);

  const { devices, gone } = useMemo(() => {
    const resolved = (role: DeviceRole) => resolveDevice(choices, role, present);
    const [microphone, speaker, ringer] = [resolved('microphone'), resolved('speaker'), resolved('ringer')];
    // Before the first enumeration nothing is known to be gone.
    const goneRoles: DeviceRole[] = present.length === 0 ? [] : (['microphone', 'speaker', 'ringer'] as const).filter((r) => resolved(r).gone);
    return { devices: { microphoneId: microphone.id, speakerId: speaker.id, ringerId: ringer.id }, gone: goneRoles };
  }, [choices, present]);
  // The media engine lives across renders and asks for the devices when it opens a microphone.
  useEffect(() => {
    latest.current = devices;
  }, [devices]);
  const getDevices = useCallback(() => latest.current, []);
  return { devices, gone, getDevices };
}
