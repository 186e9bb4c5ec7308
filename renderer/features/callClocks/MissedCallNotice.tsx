// Ring-no-answer: the agent must notice both the missed caller and the Not ready — Missed state.
import { useTranslation } from 'react-i18next';
import type { ClockNotice } from '../../../shared/contract/callClocks';

export function MissedCallNotice({ notice, onDismiss }: { notice: ClockNotice | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (!notice) return null;
  return (
    <div role="alert" className="missed-notice">
      {t('clocks.missedNotice', { number: notice.number, rings: notice.rings })} {notice.setNotReady && t('clocks.nowMissed')}{' '}
      <button type="button" onClick={onDismiss}>
        {t('clocks.noted')}
      </button>
    </div>
  );
}
