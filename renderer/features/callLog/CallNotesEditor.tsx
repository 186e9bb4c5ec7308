// The notes editor (S-3: notes are taken during the call). Every change is autosaved as a
// revision within 100 ms (NoteAutosaver), so a crash loses at most the last moments of typing;
// an oversized or binary paste is refused with a message and the text so far stays as it was.
import { useEffect, useId, useMemo, useState, type ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeNoteProblem, noteProblem, type NoteProblem } from '../../../shared/domain/noteText';
import { NoteAutosaver, type AutosaveState } from '../../../shared/domain/noteAutosaver';
import { call, HostError } from '../../api/client';
import { useClient } from '../../api/ClientContext';
import { browserClock } from '../../common/browserClock';

export function CallNotesEditor({ callId, initialText, closed, amended }: { callId: string; initialText: string; closed: boolean; amended: boolean }) {
  const { t } = useTranslation();
  const client = useClient();
  const id = useId();
  const [text, setText] = useState(initialText);
  const [state, setState] = useState<AutosaveState>({ kind: 'saved', text: initialText });
  const [problem, setProblem] = useState<NoteProblem | null>(null);
  const [amendedNow, setAmendedNow] = useState(amended);

  const saver = useMemo(
    () =>
      new NoteAutosaver(initialText, {
        clock: browserClock,
        save: async (next) => {
          try {
            const saved = await call(client, 'saveCallNote', { callId, text: next });
            if (saved.isAmendment) setAmendedNow(true);
          } catch (error) {
            throw error instanceof HostError ? new Error(error.message) : error;
          }
        },
        onStateChange: setState,
      }),
    [client, callId, initialText],
  );
  useEffect(() => {
    // Leaving the call (or the window) sends what is pending at once rather than dropping it.
    const flush = () => saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      saver.flush();
      saver.close();
    };
  }, [saver]);

  const change = (next: string) => {
    const found = noteProblem(next);
    setProblem(found);
    if (found) return; // the editor keeps the last good text; nothing half-saved
    setText(next);
    saver.change(next);
  };
  const paste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = event.clipboardData.getData('text/plain');
    const found = noteProblem(pasted);
    if (!found) return;
    event.preventDefault();
    setProblem(found);
  };

  const status =
    state.kind === 'failed'
      ? t('callLog.saveFailed', { message: state.message })
      : state.kind === 'saved'
        ? t('callLog.saved')
        : t('callLog.saving');
  return (
    <div className="call-notes">
      <label htmlFor={`${id}-notes`}>{t('callLog.notes')}</label>
      {(closed || amendedNow) && <small className="call-notes__amend">{t('callLog.amending')}</small>}
      <textarea
        id={`${id}-notes`}
        rows={5}
        value={text}
        aria-describedby={`${id}-status`}
        onChange={(e) => change(e.target.value)}
        onPaste={paste}
        onBlur={() => saver.flush()}
      />
      <small id={`${id}-status`} role="status" className={state.kind === 'failed' ? 'error' : undefined}>
        {status}
      </small>
      {problem && (
        <p role="alert" className="error">
          {describeNoteProblemText(problem, t)}
        </p>
      )}
    </div>
  );
}

function describeNoteProblemText(problem: NoteProblem, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (problem.kind === 'binary') return t('callLog.binary');
  if (problem.kind === 'tooLong') return t('callLog.tooLong', { kib: Math.ceil(problem.bytes / 1024) });
  return describeNoteProblem(problem);
}
