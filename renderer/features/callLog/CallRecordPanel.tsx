// The record of the call in focus: notes, category and disposition (S-3). It follows the call
// being talked on, then its wrap-up, and stays on the last call afterwards so notes can be amended.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallRecordForm, CallRecordSettings, RecordChoice } from '../../../shared/contract/callLog';
import { call, HostError } from '../../api/client';
import { useClient, useHostEvent } from '../../api/ClientContext';
import { CallNotesEditor } from './CallNotesEditor';

export function CallRecordPanel({ callId }: { callId: string | null }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const id = useId();
  const [settings, setSettings] = useState<CallRecordSettings | null>(null);
  const [form, setForm] = useState<CallRecordForm | null>(null);
  const [error, setError] = useState<string | null>(null);
  useHostEvent('onCallRecordSettingsChanged', setSettings);
  useEffect(() => {
    call(client, 'getCallRecordSettings', {}).then(setSettings, () => undefined);
  }, [client]);
  useEffect(() => {
    if (!callId) return;
    let current = true;
    call(client, 'getCallRecordForm', { callId }).then(
      (loaded) => current && (setForm(loaded), setError(null)),
      (e: unknown) => current && setError(e instanceof HostError ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [client, callId]);

  if (!callId) return null;
  const loaded = form?.callId === callId ? form : null;
  const label = (choice: RecordChoice) => (i18n.language.startsWith('zh') ? choice.zh : choice.en);
  const classify = async (kind: 'category' | 'disposition', value: string | null) => {
    if (!loaded) return;
    const previous = loaded[kind];
    // Only this call's form, only this field: the focus may move on, and a reply to an earlier
    // choice must not undo a later one.
    const show = (shown: string | null) => setForm((f) => (f?.callId === callId ? { ...f, [kind]: shown } : f));
    show(value); // at once
    try {
      const saved = await call(client, 'setCallClassification', { callId, [kind]: value });
      show(saved[kind]);
      setError(null);
    } catch (e) {
      show(previous); // the host did not store it: do not pretend it did
      setError(e instanceof HostError ? e.message : String(e));
    }
  };
  const select = (kind: 'category' | 'disposition', choices: RecordChoice[]) => (
    <p>
      <label htmlFor={`${id}-${kind}`}>{t(`callLog.${kind}`)}</label>
      <select
        id={`${id}-${kind}`}
        value={loaded?.[kind] ?? ''}
        disabled={!loaded}
        onChange={(e) => void classify(kind, e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{t('callLog.none')}</option>
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {label(c)}
          </option>
        ))}
      </select>
    </p>
  );

  return (
    <section className="panel call-record" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('callLog.heading')}</h3>
      {settings && select('category', settings.categories)}
      {settings && select('disposition', settings.dispositions)}
      {settings?.dispositionRequired && <small>{t('callLog.dispositionRequired')}</small>}
      {loaded && <CallNotesEditor key={callId} callId={callId} initialText={loaded.note.text} closed={loaded.closed} amended={loaded.note.amended} />}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
