// Registration status: role "status", label "Phone status", announced politely on change.
import { useTranslation } from 'react-i18next';
import type { RegistrationStatus } from '../../../shared/contract/softphone';

export function PhoneStatus({ registration, configured }: { registration: RegistrationStatus | null; configured: boolean }) {
  const { t } = useTranslation();
  const text = (): string => {
    if (!registration) return t('softphone.registration.connecting');
    switch (registration.kind) {
      case 'unregistered':
        return configured ? t('softphone.registration.unregistered') : t('softphone.registration.notConfigured');
      case 'connecting':
        return registration.attempt > 0 ? t('softphone.registration.lost') : t('softphone.registration.connecting');
      case 'registered':
        return t('softphone.registration.registered');
      case 'failed': {
        // Unreachable: the desk is watching for the server and registers the moment it is back.
        if (registration.reason === 'unreachable' && registration.retryInMs !== null) return t('softphone.registration.lost');
        const failed = t('softphone.registration.failed', { message: registration.message });
        return registration.retryInMs === null
          ? failed
          : `${failed} (${t('softphone.registration.retryIn', { seconds: Math.ceil(registration.retryInMs / 1000) })})`;
      }
    }
  };
  return (
    <p role="status" aria-label={t('softphone.status')} className={`phone-status phone-status--${registration?.kind ?? 'connecting'}`}>
      {text()}
    </p>
  );
}
