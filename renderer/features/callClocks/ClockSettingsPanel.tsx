// The service-standard clock settings, for team leads and admins (the host enforces the role):
// ring cadence, missed-call handling, wrap-up limit, hold check-in interval, guided hold.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClockSettings } from '../../../shared/contract/callClocks';
import type { Role } from '../../../shared/contract/roles';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';

const canEdit = (role: Role) => role === 'teamLead' || role === 'admin';
type CadenceKind = ClockSettings['ringCadence']['kind'];

export function ClockSettingsPanel({ role }: { role: Role }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [form, setForm] = useState<ClockSettings | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    if (canEdit(role)) call(client, 'getClockSettings', {}).then(setForm, () => undefined);
  }, [client, role]);
  if (!canEdit(role) || !form) return null;

  const set = (patch: Partial<ClockSettings>) => setForm({ ...form, ...patch });
  const setCadence = (kind: CadenceKind) =>
    set({ ringCadence: kind === 'custom' ? { kind, onMs: 1_000, offMs: 4_000 } : { kind } });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setForm(await call(client, 'saveClockSettings', form));
      setMessage({ text: t('clocks.clocksSaved'), error: false });
    } catch (e) {
      setMessage({ text: e instanceof HostError ? e.message : String(e), error: true });
    }
  };
  const number = (key: 'missedAfterRings' | 'wrapUpLimitSec' | 'holdCheckInIntervalSec') => (
    <p>
      <label htmlFor={`${id}-${key}`}>{t(`clocks.${key}`)}</label>
      <input id={`${id}-${key}`} type="number" value={form[key]} onChange={(e) => set({ [key]: Number(e.target.value) })} />
    </p>
  );
  const cadence = form.ringCadence;

  return (
    <section className="panel clock-settings" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('clocks.settings')}</h2>
      <form onSubmit={(e) => void save(e)}>
        <p>
          <label htmlFor={`${id}-cadence`}>{t('clocks.cadence')}</label>
          <select id={`${id}-cadence`} value={cadence.kind} onChange={(e) => setCadence(e.target.value as CadenceKind)}>
            <option value="china">{t('clocks.cadenceChina')}</option>
            <option value="northAmerica">{t('clocks.cadenceNorthAmerica')}</option>
            <option value="uk">{t('clocks.cadenceUk')}</option>
            <option value="custom">{t('clocks.cadenceCustom')}</option>
          </select>
        </p>
        {cadence.kind === 'custom' && (
          <>
            <p>
              <label htmlFor={`${id}-on`}>{t('clocks.customOnMs')}</label>
              <input id={`${id}-on`} type="number" value={cadence.onMs} onChange={(e) => set({ ringCadence: { ...cadence, onMs: Number(e.target.value) } })} />
            </p>
            <p>
              <label htmlFor={`${id}-off`}>{t('clocks.customOffMs')}</label>
              <input id={`${id}-off`} type="number" value={cadence.offMs} onChange={(e) => set({ ringCadence: { ...cadence, offMs: Number(e.target.value) } })} />
            </p>
          </>
        )}
        {number('missedAfterRings')}
        <p>
          <span>
            <input id={`${id}-missed`} type="checkbox" checked={form.missedSetsNotReady} onChange={(e) => set({ missedSetsNotReady: e.target.checked })} />
            <label htmlFor={`${id}-missed`}>{t('clocks.missedSetsNotReady')}</label>
          </span>
        </p>
        {number('wrapUpLimitSec')}
        {number('holdCheckInIntervalSec')}
        <p>
          <span>
            <input id={`${id}-guided`} type="checkbox" checked={form.guidedHold} onChange={(e) => set({ guidedHold: e.target.checked })} />
            <label htmlFor={`${id}-guided`}>{t('clocks.guidedHold')}</label>
          </span>
        </p>
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
            {message.text}
          </p>
        )}
        <button type="submit">{t('clocks.saveClocks')}</button>
      </form>
    </section>
  );
}
