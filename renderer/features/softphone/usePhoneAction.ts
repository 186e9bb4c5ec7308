// Runs a softphone command and keeps the host's refusal as a message the panel shows.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HostError } from '../../api/client';

export function usePhoneAction() {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (action: () => Promise<unknown>): Promise<boolean> => {
      setError(null);
      try {
        await action();
        return true;
      } catch (e) {
        // A media failure is said in words; the browser's own message is in the host's log.
        if (e instanceof HostError && e.error.code === 'MEDIA') setError(t('softphone.outcome.media'));
        else setError(t('softphone.actionFailed', { message: e instanceof HostError ? e.message : String(e) }));
        return false;
      }
    },
    [t],
  );
  return { error, run, clearError: () => setError(null) };
}
