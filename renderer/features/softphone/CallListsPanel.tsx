// Missed and declined calls, listed apart: callbacks are made from the missed list (S-7), and its
// unseen count is the badge. Opening the missed list marks it seen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallListEntry, CallLists } from '../../../shared/contract/softphone';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

type Run = (a: () => Promise<unknown>) => Promise<boolean>;

export function CallListsPanel({ lists, run }: { lists: CallLists | null; run: Run }) {
  const { t } = useTranslation();
  const client = useClient();
  const [open, setOpen] = useState<'missed' | 'declined' | null>(null);
  if (!lists) return null;

  const toggle = (which: 'missed' | 'declined') => {
    const next = open === which ? null : which;
    setOpen(next);
    if (next === 'missed' && lists.unseenMissed > 0) void run(() => call(client, 'markMissedCallsSeen', {}));
  };

  const list = (entries: CallListEntry[], label: string) =>
    entries.length === 0 ? (
      <p>{t('softphone.noCalls')}</p>
    ) : (
      <ul aria-label={label}>
        {entries.map((entry) => (
          <li key={entry.callId} className={entry.seen ? undefined : 'unseen'}>
            <span>{entry.remote.number}</span>
            {entry.remote.name && <span> — {entry.remote.name}</span>}{' '}
            <time dateTime={new Date(entry.offeredAtWall).toISOString()}>{new Date(entry.offeredAtWall).toLocaleTimeString()}</time>{' '}
            <button type="button" onClick={() => void run(() => call(client, 'dial', { target: entry.remote.number }))}>
              {t('softphone.callBack', { number: entry.remote.number })}
            </button>
          </li>
        ))}
      </ul>
    );

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
      {open === 'missed' && list(lists.missed, t('softphone.missed'))}
      {open === 'declined' && list(lists.declined, t('softphone.declined'))}
    </div>
  );
}
