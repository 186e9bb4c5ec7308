// The audio-device and shortcut part of the phone settings form: loaded with the dialog and
// saved by its one "Save" button, so the agent has a single place to set up the phone.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  phoneShortcutActions,
  type AudioDevices,
  type GlobalShortcutStatus,
  type PhoneShortcuts,
} from '../../../shared/contract/phonePreferences';
import { call } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';
import { devicesOfRole, listDevicesWithLabels, type DeviceRole } from './media/audioDeviceChoice';

const roles: readonly DeviceRole[] = ['microphone', 'speaker', 'ringer'];

export interface PhonePreferencesForm {
  devices: AudioDevices | null;
  shortcuts: PhoneShortcuts | null;
  present: MediaDeviceInfo[];
  /** Global shortcuts another application holds (desktop app only). */
  taken: GlobalShortcutStatus['taken'];
  setDevices: (devices: AudioDevices) => void;
  setShortcuts: (shortcuts: PhoneShortcuts) => void;
  /** Saves both; the host validates the shortcuts and says which one is wrong. */
  save: () => Promise<void>;
}

export function usePhonePreferencesForm(): PhonePreferencesForm {
  const client = useClient();
  const [devices, setDevices] = useState<AudioDevices | null>(null);
  const [shortcuts, setShortcuts] = useState<PhoneShortcuts | null>(null);
  const [present, setPresent] = useState<MediaDeviceInfo[]>([]);
  const [taken, setTaken] = useState<GlobalShortcutStatus['taken']>([]);
  useHostEvent('onGlobalShortcutStatus', useCallback((status: GlobalShortcutStatus) => setTaken(status.taken), []));
  useEffect(() => {
    call(client, 'getAudioDevices', {}).then(setDevices, () => undefined);
    call(client, 'getPhoneShortcuts', {}).then(setShortcuts, () => undefined);
    call(client, 'getGlobalShortcutStatus', {}).then((status) => setTaken(status.taken), () => undefined);
    if (navigator.mediaDevices) listDevicesWithLabels().then(setPresent, () => undefined);
  }, [client]);
  const save = useCallback(async () => {
    if (devices) await call(client, 'saveAudioDevices', devices);
    if (shortcuts) await call(client, 'savePhoneShortcuts', shortcuts);
    // The desktop notification for a ring needs permission; Save is the agent's gesture to ask.
    if (typeof Notification !== 'undefined' && Notification.permission === 'default') void Notification.requestPermission().catch(() => undefined);
  }, [client, devices, shortcuts]);
  return { devices, shortcuts, present, taken, setDevices, setShortcuts, save };
}

export function PhonePreferenceFields({ form, idPrefix }: { form: PhonePreferencesForm; idPrefix: string }) {
  const { t } = useTranslation();
  const { devices, shortcuts, present } = form;
  return (
    <>
      <fieldset>
        <legend>{t('softphone.devices')}</legend>
        {roles.map((role) => {
          const options = devicesOfRole(role, present);
          const chosen = devices?.[role] ?? null;
          // A remembered device that is not plugged in stays listed, so saving does not forget it.
          const missing = chosen && !options.some((d) => d.deviceId === chosen.id) ? chosen : null;
          return (
            <p key={role}>
              <label htmlFor={`${idPrefix}-${role}`}>{t(`softphone.${role}`)}</label>
              <select
                id={`${idPrefix}-${role}`}
                value={chosen?.id ?? ''}
                disabled={!devices}
                onChange={(e) => {
                  if (!devices) return;
                  const device = options.find((d) => d.deviceId === e.target.value);
                  form.setDevices({ ...devices, [role]: device ? { id: device.deviceId, label: device.label } : e.target.value === missing?.id ? missing : null });
                }}
              >
                <option value="">{t('softphone.defaultDevice')}</option>
                {options.map((d, i) => (
                  <option key={d.deviceId} value={d.deviceId}>
                    {d.label || `${t(`softphone.${role}`)} ${i + 1}`}
                  </option>
                ))}
                {missing && <option value={missing.id}>{missing.label || missing.id}</option>}
              </select>
            </p>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('softphone.shortcuts')}</legend>
        <small id={`${idPrefix}-shortcut-hint`}>{t('softphone.shortcutHint')}</small>
        {phoneShortcutActions.map((action) => (
          <p key={action}>
            <label htmlFor={`${idPrefix}-shortcut-${action}`}>{t(`softphone.shortcut.${action}`)}</label>
            <input
              id={`${idPrefix}-shortcut-${action}`}
              value={shortcuts?.[action] ?? ''}
              disabled={!shortcuts}
              aria-describedby={`${idPrefix}-shortcut-hint`}
              onChange={(e) => shortcuts && form.setShortcuts({ ...shortcuts, [action]: e.target.value })}
            />
          </p>
        ))}
        <p>
          <input
            id={`${idPrefix}-shortcut-global`}
            type="checkbox"
            checked={shortcuts?.global ?? false}
            disabled={!shortcuts}
            onChange={(e) => shortcuts && form.setShortcuts({ ...shortcuts, global: e.target.checked })}
          />
          <label htmlFor={`${idPrefix}-shortcut-global`}>{t('softphone.shortcutGlobal')}</label>
        </p>
        {form.taken.length > 0 && shortcuts && (
          <p role="status" className="shortcut-taken">
            {t('softphone.shortcutTaken', {
              list: form.taken.map((action) => `${t(`softphone.shortcut.${action}`)} (${shortcuts[action]})`).join(', '),
            })}
          </p>
        )}
      </fieldset>
    </>
  );
}
