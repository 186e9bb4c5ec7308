// The live ring count on a ringing call (S-1): role "status", label "Ring count", and a visible
// change at ring 3 (last ring within the standard) and from ring 4 (standard missed).
import { useTranslation } from 'react-i18next';
import type { RingCount } from '../../../shared/contract/callClocks';

export function RingCountStatus({ ring }: { ring: RingCount | undefined }) {
  const { t } = useTranslation();
  if (!ring) return null;
  return (
    <p role="status" aria-label={t('clocks.ringCount')} className={`ring-count ring-count--${ring.standing}`}>
      <strong>{t('clocks.ring', { n: ring.ring })}</strong> — {t(`clocks.standing.${ring.standing}`)}
    </p>
  );
}
