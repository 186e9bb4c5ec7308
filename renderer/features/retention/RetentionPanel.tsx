// S-6 retention for admins: how many months customer data and notes are kept (empty: off), a
// preview of what a run would remove now, and "Run now" once a preview is shown. The host enforces
// the admin role, the range and the preview-first rule; the panel only hides what others cannot use.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionPreview, RetentionStatus } from '../../../shared/contract/retention';
import type { Role } from '../../../shared/contract/roles';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { countLines, parseMonthsInput } from './retentionView';

export function RetentionPanel({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [status, setStatus] = useState<RetentionStatus | null>(null);
  const [monthsText, setMonthsText] = useState('');
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  /** What the admin is typing is theirs: a status that arrives meanwhile (the first load) does not overwrite it. */
  const editing = useRef(false);
  const show = useCallback((next: RetentionStatus) => {
    setStatus(next);
    if (!editing.current) setMonthsText(next.months === null ? '' : String(next.months));
  }, []);
  useEffect(() => {
    if (role === 'admin') call(client, 'getRetentionSettings', {}).then(show, () => setStatus(null));
  }, [client, role, show]);
  if (role !== 'admin') return null;

  const act = async (action: () => Promise<string | null>) => {
    setBusy(true);
    setMessage(null);
    try {
      const text = await action();
      if (text) setMessage({ text, error: false });
    } catch (e) {
      setMessage({ text: e instanceof HostError ? e.message : String(e), error: true });
    } finally {
      setBusy(false);
    }
  };
  const date = (ms: number) => new Date(ms).toLocaleString(i18n.language);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseMonthsInput(monthsText);
    if (!parsed.ok) return setMessage({ text: t(parsed.errorKey), error: true });
    void act(async () => {
      const saved = await call(client, 'saveRetentionSettings', { months: parsed.months });
      editing.current = false;
      show(saved);
      setPreview(null);
      return parsed.months === null ? t('retention.savedOff') : t('retention.saved', { count: parsed.months });
    });
  };
  const runPreview = () =>
    act(async () => {
      setPreview(await call(client, 'previewRetention', {}));
      return null;
    });
  /** A first run over years of data can outlast the request timeout: the host keeps going, the panel polls. */
  const waitForRun = async () => {
    setMessage({ text: t('retention.stillRunning'), error: false });
    for (;;) {
      await new Promise((resolve) => window.setTimeout(resolve, 5000));
      const next = await call(client, 'getRetentionSettings', {});
      if (!next.running) return next;
    }
  };
  const runNow = (previewed: RetentionPreview) => {
    if (!window.confirm(t('retention.confirmRun', { date: date(previewed.cutoff) }))) return;
    void act(async () => {
      let run;
      try {
        run = await call(client, 'runRetention', { previewId: previewed.previewId });
      } catch (e) {
        if (!(e instanceof HostError && e.error.code === 'UNAVAILABLE')) throw e;
        run = (await waitForRun()).lastRun;
      }
      setPreview(null);
      show(await call(client, 'getRetentionSettings', {}));
      if (!run) return null;
      return run.failure ? t('retention.runStopped', { reason: run.failure }) : t('retention.runDone', { customers: run.done.customers, calls: run.done.calls });
    });
  };

  return (
    <section className="panel retention" aria-labelledby="retention-heading">
      <h2 id="retention-heading">{t('retention.title')}</h2>
      {/* noValidate: the reason comes from parseMonthsInput, in the page language, not a browser tooltip. */}
      <form onSubmit={save} noValidate>
        <label>
          {t('retention.months')}{' '}
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={120}
            value={monthsText}
            onChange={(e) => {
              editing.current = true;
              setMonthsText(e.target.value);
            }}
            aria-describedby="retention-hint"
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('retention.save')}
        </button>
        <p id="retention-hint">{t('retention.hint')}</p>
      </form>
      {status && status.months !== null && (
        <button type="button" onClick={() => void runPreview()} disabled={busy || status.running}>
          {t('retention.preview')}
        </button>
      )}
      {preview && (
        <div>
          <p>{t('retention.previewOf', { date: date(preview.cutoff), count: preview.months })}</p>
          <ul aria-label={t('retention.previewCounts')}>
            {countLines(preview.counts).map((line) => (
              <li key={line.key}>{t(line.key, { count: line.count })}</li>
            ))}
          </ul>
          <button type="button" onClick={() => runNow(preview)} disabled={busy}>
            {t('retention.runNow')}
          </button>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : undefined}>
          {message.text}
        </p>
      )}
      {status?.lastRun && <p>{t('retention.lastRun', { date: date(status.lastRun.finishedAt), customers: status.lastRun.done.customers, calls: status.lastRun.done.calls })}</p>}
    </section>
  );
}
