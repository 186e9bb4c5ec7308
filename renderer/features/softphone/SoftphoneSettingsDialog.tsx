// The phone account form behind the "Settings" button. The password field is write-only: the
// host never sends the stored password back, only whether one is set.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveSoftphoneSettings, SoftphoneSettingsView } from '../../../shared/contract/softphone';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { iceServersFromText, iceServersToText } from './iceServerText';
import { PhonePreferenceFields, usePhonePreferencesForm } from './PhonePreferenceFields';

type Form = Omit<SaveSoftphoneSettings, 'iceServers' | 'password'> & { iceServers: string; password: string };

const toForm = (v: SoftphoneSettingsView): Form => ({
  serverUrl: v.serverUrl,
  sipUri: v.sipUri,
  authUser: v.authUser,
  displayName: v.displayName,
  declineCode: v.declineCode,
  dtmfMode: v.dtmfMode,
  rejectCallWaiting: v.rejectCallWaiting,
  serverAssertsIdentity: v.serverAssertsIdentity,
  iceServers: iceServersToText(v.iceServers),
  password: '',
});

export function SoftphoneSettingsDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (view: SoftphoneSettingsView) => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [view, setView] = useState<SoftphoneSettingsView | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<string | null>(null);
  const preferences = usePhonePreferencesForm();

  useEffect(() => {
    call(client, 'getSoftphoneSettings', {}).then(
      (v) => {
        setView(v);
        setForm(toForm(v));
      },
      (e: unknown) => setError(e instanceof HostError ? e.message : String(e)),
    );
  }, [client]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setError(null);
    try {
      // Devices and shortcuts first: a shortcut the host rejects stops the save before re-registering.
      await preferences.save();
      const saved = await call(client, 'saveSoftphoneSettings', {
        ...form,
        iceServers: iceServersFromText(form.iceServers, view?.iceServers ?? []),
        // Empty keeps the stored password: the field never shows it.
        password: form.password === '' ? undefined : form.password,
      });
      onSaved(saved);
    } catch (e) {
      setError(e instanceof HostError ? e.message : String(e));
    }
  };

  const field = (key: 'serverUrl' | 'sipUri' | 'authUser' | 'displayName', label: string, type = 'text') => (
    <p>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} type={type} value={form?.[key] ?? ''} onChange={(e) => setForm((f) => f && { ...f, [key]: e.target.value })} />
    </p>
  );

  return (
    <div role="dialog" aria-modal="true" aria-labelledby={`${id}-heading`} className="dialog softphone-settings">
      <form onSubmit={(e) => void save(e)}>
        <h2 id={`${id}-heading`}>{t('softphone.settingsHeading')}</h2>
        {/* Until the stored settings arrive the fields are disabled: typing into them would be overwritten. */}
        <fieldset className="plain" disabled={!form}>
        {field('serverUrl', t('softphone.server'))}
        {field('sipUri', t('softphone.sipUri'))}
        {field('authUser', t('softphone.authUser'))}
        <p>
          <label htmlFor={`${id}-password`}>{t('softphone.password')}</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={form?.password ?? ''}
            aria-describedby={view?.passwordSet ? `${id}-password-kept` : undefined}
            onChange={(e) => setForm((f) => f && { ...f, password: e.target.value })}
          />
          {view?.passwordSet && <small id={`${id}-password-kept`}>{t('softphone.passwordKept')}</small>}
        </p>
        {field('displayName', t('softphone.displayName'))}
        <p>
          <label htmlFor={`${id}-ice`}>{t('softphone.iceServers')}</label>
          <textarea id={`${id}-ice`} rows={2} value={form?.iceServers ?? ''} onChange={(e) => setForm((f) => f && { ...f, iceServers: e.target.value })} />
        </p>
        <p>
          <label htmlFor={`${id}-decline`}>{t('softphone.declineCode')}</label>
          <select id={`${id}-decline`} value={form?.declineCode ?? 603} onChange={(e) => setForm((f) => f && { ...f, declineCode: Number(e.target.value) === 486 ? 486 : 603 })}>
            <option value={603}>{t('softphone.decline603')}</option>
            <option value={486}>{t('softphone.decline486')}</option>
          </select>
        </p>
        <p>
          <label htmlFor={`${id}-dtmf`}>{t('softphone.dtmfMode')}</label>
          <select id={`${id}-dtmf`} value={form?.dtmfMode ?? 'rfc4733'} onChange={(e) => setForm((f) => f && { ...f, dtmfMode: e.target.value === 'info' ? 'info' : 'rfc4733' })}>
            <option value="rfc4733">{t('softphone.dtmfRfc4733')}</option>
            <option value="info">{t('softphone.dtmfInfo')}</option>
          </select>
        </p>
        <p>
          <input id={`${id}-cw`} type="checkbox" checked={form?.rejectCallWaiting ?? false} onChange={(e) => setForm((f) => f && { ...f, rejectCallWaiting: e.target.checked })} />
          <label htmlFor={`${id}-cw`}>{t('softphone.rejectCallWaiting')}</label>
        </p>
        <p>
          <input id={`${id}-pai`} type="checkbox" checked={form?.serverAssertsIdentity ?? false} onChange={(e) => setForm((f) => f && { ...f, serverAssertsIdentity: e.target.checked })} />
          <label htmlFor={`${id}-pai`}>{t('softphone.serverAssertsIdentity')}</label>
        </p>
        <PhonePreferenceFields form={preferences} idPrefix={id} />
        </fieldset>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={!form}>
          {t('softphone.save')}
        </button>
        <button type="button" onClick={onClose}>
          {t('softphone.cancel')}
        </button>
      </form>
    </div>
  );
}
