// Backups for team leads and admins: make one now, list them, and (admins) stage a restore that
// the next start applies. Who may do what is enforced by the host; the panel only hides what the
// role cannot use.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/contract/roles';
import type { BackupInfo } from '../../../shared/contract/dataStore';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';

const canBackUp = (role: Role) => role === 'teamLead' || role === 'admin';

export function BackupPanel({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [backups, setBackups] = useState<BackupInfo[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    call(client, 'listBackups', {}).then(setBackups, () => setBackups([]));
  }, [client]);
  useEffect(() => {
    if (canBackUp(role)) refresh();
  }, [role, refresh]);
  if (!canBackUp(role)) return null;

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ text: await action(), error: false });
      refresh();
    } catch (e) {
      setMessage({ text: e instanceof HostError ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };

  const backUpNow = () =>
    run(async () => {
      const made = await call(client, 'backupNow', {});
      return t('dataStore.backupMade', { file: made.fileName, size: formatBytes(made.bytes) });
    });
  const restore = (fileName: string) => {
    if (!window.confirm(t('dataStore.confirmRestore', { file: fileName }))) return;
    void run(async () => (await call(client, 'stageRestore', { fileName })).message);
  };

  return (
    <section className="panel backups" aria-labelledby="backups-heading">
      <h2 id="backups-heading">{t('dataStore.backups')}</h2>
      <button type="button" onClick={() => void backUpNow()} disabled={busy}>
        {t('dataStore.backUpNow')}
      </button>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
      {backups.length === 0 ? (
        <p>{t('dataStore.noBackups')}</p>
      ) : (
        <ul aria-label={t('dataStore.backupList')}>
          {backups.map((b) => (
            <li key={b.fileName}>
              <span>{b.fileName}</span> <span>{formatBytes(b.bytes)}</span>{' '}
              <time dateTime={new Date(b.createdAt).toISOString()}>{new Date(b.createdAt).toLocaleString(i18n.language)}</time>
              {role === 'admin' && (
                <button type="button" onClick={() => restore(b.fileName)} disabled={busy} aria-label={t('dataStore.restoreFile', { file: b.fileName })}>
                  {t('dataStore.restore')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
