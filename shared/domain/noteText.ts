// What a call note may hold (S-3: notes are taken during the call). One limit for every host and
// the editor, so the editor can refuse an oversized paste before anything is sent and the host
// refuses it again for any other client. The text so far is never touched by a refusal.

/** 64 KiB of UTF-8: several pages of notes, far below what makes a revision slow to store. */
export const maxNoteBytes = 64 * 1024;

const encoder = new TextEncoder();

export function noteBytes(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Text pasted from a binary file shows up as NUL and other C0 control characters (tab, newline
 * and carriage return are ordinary text), or as U+FFFD where bytes were not valid UTF-8.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const binaryPattern = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/;

export type NoteProblem = { kind: 'tooLong'; bytes: number } | { kind: 'binary' };

export function noteProblem(text: string): NoteProblem | null {
  if (binaryPattern.test(text)) return { kind: 'binary' };
  const bytes = noteBytes(text);
  if (bytes > maxNoteBytes) return { kind: 'tooLong', bytes };
  return null;
}

export function describeNoteProblem(problem: NoteProblem): string {
  return problem.kind === 'binary'
    ? 'The note contains binary data (control characters); it was not saved. Paste plain text.'
    : `The note is ${Math.ceil(problem.bytes / 1024)} KiB; the limit is ${maxNoteBytes / 1024} KiB. The text so far is kept; shorten it to save.`;
}
