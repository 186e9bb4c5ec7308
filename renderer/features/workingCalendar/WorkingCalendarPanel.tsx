// The working calendar due times are counted on, for team leads and admins (the host enforces
// the role): time zone, holidays, 调休 make-up days, the callback limit (S-7), the due-soon window.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contract/roles';
import type { WorkingCalendarSettings } from '../../../shared/contract/workingCalendar';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';

const canEdit = (role: Role) => role === 'teamLead' || role === 'admin';
type Form = Omit<WorkingCalendarSettings, 'holidays' | 'makeUpDays'> & { holidays: string; makeUpDays: string };

const toForm = (s: WorkingCalendarSettings): Form => ({ ...s, holidays: s.holidays.join('\n'), makeUpDays: s.makeUpDays.join('\n') });
const dates = (text: string) => text.split(/[\s,]+/).filter(Boolean);

export function WorkingCalendarPanel({ role }: { role: Role }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [form, setForm] = useState<Form | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    if (canEdit(role)) call(client, 'getWorkingCalendar', {}).then((s) => setForm(toForm(s)), () => undefined);
  }, [client, role]);
  if (!canEdit(role) || !form) return null;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const saved = await call(client, 'saveWorkingCalendar', { ...form, holidays: dates(form.holidays), makeUpDays: dates(form.makeUpDays) });
      setForm(toForm(saved));
      setMessage({ text: t('clocks.calendarSaved'), error: false });
    } catch (e) {
      // The form keeps what was typed, so a mistyped date can be corrected rather than retyped.
      setMessage({ text: e instanceof HostError ? e.message : String(e), error: true });
    }
  };
  const text = (key: 'timeZone', label: string) => (
    <p>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </p>
  );
  const area = (key: 'holidays' | 'makeUpDays') => (
    <p>
      <label htmlFor={`${id}-${key}`}>{t(`clocks.${key}`)}</label>
      <textarea id={`${id}-${key}`} rows={4} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </p>
  );
  const number = (key: 'callbackWorkingHours' | 'dueSoonMinutes') => (
    <p>
      <label htmlFor={`${id}-${key}`}>{t(`clocks.${key}`)}</label>
      <input id={`${id}-${key}`} type="number" value={form[key]} onChange={(e) => setForm({ ...form, [key]: Number(e.target.value) })} />
    </p>
  );

  return (
    <section className="panel working-calendar" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('clocks.calendarHeading')}</h2>
      <form onSubmit={(e) => void save(e)}>
        {text('timeZone', t('clocks.timeZone'))}
        {area('holidays')}
        {area('makeUpDays')}
        {number('callbackWorkingHours')}
        {number('dueSoonMinutes')}
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
            {message.text}
          </p>
        )}
        <button type="submit">{t('clocks.saveCalendar')}</button>
      </form>
    </section>
  );
}
