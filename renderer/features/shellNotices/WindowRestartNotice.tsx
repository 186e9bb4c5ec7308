// Status line shown once after the desktop shell reloaded a crashed or hung window (issue 21);
// dismissing it tells the host, so a later reload does not show it again.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShellNotices } from '../../../shared/contract/shellNotices';
import { call } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { windowRestartNoticeKey } from './windowRestartNotice';

export function WindowRestartNotice() {
  const { t } = useTranslation();
  const client = useClient();
  const [notices, setNotices] = useState<ShellNotices | null>(null);
  useEffect(() => {
    call(client, 'getShellNotices', {}).then(setNotices, () => setNotices(null));
  }, [client]);

  const key = windowRestartNoticeKey(notices);
  if (!key) return null;
  const dismiss = () => {
    setNotices(null);
    void call(client, 'dismissShellNotice', { notice: 'windowRestarted' }).catch(() => undefined);
  };
  return (
    <p role="status" className="app__banner">
      <span>{t(key)}</span>{' '}
      <button type="button" onClick={dismiss}>
        {t('shellNotices.dismiss')}
      </button>
    </p>
  );
}
