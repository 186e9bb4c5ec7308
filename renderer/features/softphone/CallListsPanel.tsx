// Missed and declined calls, listed apart: callbacks are made from the missed list (S-7), and its
// unseen count is the badge. Opening the missed list marks it seen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallListEntry, CallLists } from '../../../shared/contract/softphone';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { callbackDue } from '../../../shared/domain/callbackDue';
import { useWallNow } from '../../common/useWallNow';
import { CallbackDueBadge } from '../callClocks/CallbackDueBadge';
import { useCallbackDueNotifications } from '../callClocks/useCallbackDueNotifications';
import { useWorkingCalendar } from '../workingCalendar/useWorkingCalendar';

type Run = (a: () => Promise<unknown>) => Promise<boolean>;

export function CallListsPanel({ lists, run }: { lists: CallLists | null; run: Run }) {
  const { t } = useTranslation();
  const client = useClient();
  const [open, setOpen] = useState<'missed' | 'declined' | null>(null);
  const calendar = useWorkingCalendar();
  const now = useWallNow();
  useCallbackDueNotifications(
    lists && calendar
      ? lists.missed.map((e) => ({ callId: e.callId, number: e.remote.number, status: callbackDue(calendar.calendar, calendar.rules, e.endedAtWall, now).status }))
      : [],
  );
  if (!lists) return null;
  // S-7: each missed caller is owed a callback within the working-hours limit.
  const dueOf = (entry: CallListEntry) => (calendar ? callbackDue(calendar.calendar, calendar.rules, entry.endedAtWall, now) : null);
  const overdue = lists.missed.filter((e) => dueOf(e)?.status === 'overdue').length;

  const toggle = (which: 'missed' | 'declined') => {
    const next = open === which ? null : which;
    setOpen(next);
    if (next === 'missed' && lists.unseenMissed > 0) void run(() => call(client, 'markMissedCallsSeen', {}));
  };

  const list = (entries: CallListEntry[], label: string, withDue: boolean) =>
    entries.length === 0 ? (
      <p>{t('softphone.noCalls')}</p>
    ) : (
      <ul aria-label={label}>
        {entries.map((entry) => (
          <li key={entry.callId} className={entry.seen ? undefined : 'unseen'}>
            <span>{entry.remote.number}</span>
            {entry.remote.name && <span> — {entry.remote.name}</span>}{' '}
            <time dateTime={new Date(entry.offeredAtWall).toISOString()}>{new Date(entry.offeredAtWall).toLocaleTimeString()}</time>{' '}
            {withDue && dueBadge(entry)}{' '}
            <button type="button" onClick={() => void run(() => call(client, 'dial', { target: entry.remote.number }))}>
              {t('softphone.callBack', { number: entry.remote.number })}
            </button>
          </li>
        ))}
      </ul>
    );

  function dueBadge(entry: CallListEntry) {
    const due = dueOf(entry);
    return due ? <CallbackDueBadge dueAt={due.dueAt} status={due.status} /> : null;
  }

  return (
    <div className="call-lists">
      <button type="button" aria-expanded={open === 'missed'} onClick={() => toggle('missed')}>
        {t('softphone.missed')}
        {lists.unseenMissed > 0 && (
          <span className="badge" aria-label={t('softphone.unseenMissed', { count: lists.unseenMissed })}>
            {lists.unseenMissed}
          </span>
        )}
      </button>
      <button type="button" aria-expanded={open === 'declined'} onClick={() => toggle('declined')}>
        {t('softphone.declined')}
      </button>
      {overdue > 0 && (
        <span role="status" className="badge badge--overdue">
          {t('clocks.callbacksOverdue', { count: overdue })}
        </span>
      )}
      {open === 'missed' && list(lists.missed, t('softphone.missed'), true)}
      {open === 'declined' && list(lists.declined, t('softphone.declined'), false)}
    </div>
  );
}
