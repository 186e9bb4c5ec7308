// The headset line in the softphone panel: status (role "status", name "Headset") and the
// "Connect headset" button; the buttons of a connected headset answer, hang up and mute.
import { useTranslation } from 'react-i18next';
import type { CallView } from '../../../shared/contract/softphone';
import { useHeadset, type HeadsetStatus } from './useHeadset';
import { useMediaSessionCallActions } from './useMediaSessionCallActions';

function statusText(status: HeadsetStatus, t: (key: string, options?: Record<string, string>) => string): string {
  switch (status.kind) {
    case 'unsupported':
      return t('headset.unsupported');
    case 'none':
      return t('headset.none');
    case 'ready':
      return t('headset.ready', { name: status.name });
    case 'noCallButtons':
      return t('headset.noCallButtons', { name: status.name });
    case 'failed':
      return t('headset.failed', { reason: status.reason });
  }
}

export function HeadsetControl({ calls, run }: { calls: readonly CallView[]; run: (action: () => Promise<unknown>) => Promise<boolean> }) {
  const { t } = useTranslation();
  const { status, connect } = useHeadset(calls, run);
  useMediaSessionCallActions(calls, run);
  return (
    <div className="headset">
      <p role="status" aria-label={t('headset.label')}>
        {statusText(status, t)}
      </p>
      {status.kind !== 'unsupported' && (
        <button type="button" onClick={connect}>
          {t('headset.connect')}
        </button>
      )}
    </div>
  );
}
