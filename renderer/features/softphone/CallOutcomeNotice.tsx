// Tells the agent, in words, why a call did not become a conversation: the far end was busy, did
// not answer, the number does not exist, no common audio format, or the audio could not be set
// up; and that a call was refused on arrival (it never rang). Never a SIP code alone, never a raw
// browser error (issue 20).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../shared/contract/softphone';
import { callOutcomeNotice, refusalNoticeKey } from '../../../shared/domain/callOutcome';
import { useHostEvent } from '../../api/ClientContext';

export function CallOutcomeNotice() {
  const { t } = useTranslation();
  const [text, setText] = useState<string | null>(null);

  const onCallUpdated = useCallback(
    (view: CallView) => {
      const notice = callOutcomeNotice(view);
      if (notice) setText(t(`softphone.outcome.${notice.key}`, { number: notice.number, code: notice.sipCode ?? '—' }));
      // A new call in progress replaces an old explanation.
      else if (view.phase === 'dialing' || view.phase === 'ringing') setText(null);
    },
    [t],
  );
  useHostEvent('onCallUpdated', onCallUpdated);
  useHostEvent(
    'onCallRefused',
    useCallback((refused) => setText(t(`softphone.outcome.${refusalNoticeKey(refused.reason)}`, { number: refused.remote.number })), [t]),
  );

  if (!text) return null;
  return (
    <div className="call-outcome" role="alert">
      <span>{text}</span>
      <button type="button" onClick={() => setText(null)}>
        {t('softphone.outcome.dismiss')}
      </button>
    </div>
  );
}
