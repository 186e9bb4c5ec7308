// A ringing inbound call: role "alert" with the caller's number and name, Answer and Decline.
// S-1: answer within three rings, so this banner is the loudest thing on the screen.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../shared/contract/softphone';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';

export function IncomingCallBanner({ view, run, children }: { view: CallView; run: (a: () => Promise<unknown>) => Promise<boolean>; children?: ReactNode }) {
  const { t } = useTranslation();
  const client = useClient();
  const { number, name } = view.remote;
  return (
    <div role="alert" className={`incoming-call${view.waiting ? ' incoming-call--waiting' : ''}`} data-call-id={view.callId}>
      <p className="incoming-call__caller">
        {t(view.waiting ? 'softphone.waiting' : 'softphone.incoming', { number })}
        {name && <span className="incoming-call__name"> — {name}</span>}
      </p>
      {children}
      <div className="incoming-call__actions">
        <button type="button" className="button--answer" onClick={() => void run(() => call(client, 'answerCall', { callId: view.callId }))}>
          {t('softphone.answer')}
        </button>
        <button type="button" className="button--decline" onClick={() => void run(() => call(client, 'declineCall', { callId: view.callId }))}>
          {t('softphone.decline')}
        </button>
      </div>
    </div>
  );
}
