// S-7: "call back by" a missed caller, with a due-soon / overdue badge that changes as time passes.
import { useTranslation } from 'react-i18next';
import type { DueStatus } from '../../../shared/domain/dueDates';

export function CallbackDueBadge({ dueAt, status }: { dueAt: number; status: DueStatus }) {
  const { t } = useTranslation();
  const when = new Date(dueAt);
  const sameDay = when.toDateString() === new Date().toDateString();
  const text = sameDay ? when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : when.toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (
    <span className={`due due--${status}`}>
      {t('clocks.callBackBy', { time: text })}
      {status !== 'onTrack' && <strong className="due__badge"> {t(`clocks.due.${status}`)}</strong>}
    </span>
  );
}
