// A short piece of a call's notes for a search result row: around the first place a searched term
// appears, so the reader sees why the call matched without opening it.
import { indexTokens } from './searchTokens';

/** Characters (code points) shown in an excerpt, plus an ellipsis at a cut end. */
export const excerptLength = 120;

/**
 * Up to {@link excerptLength} characters of `notes`, starting a little before the first term of
 * `query` found in it (case-insensitive; a Chinese term by its first bigram), else from the start.
 * Whitespace runs are collapsed, since line breaks would break a table row. Works on code points,
 * so a character outside the BMP is never cut in half.
 */
export function notesExcerpt(notes: string, query = ''): string {
  const chars = Array.from(notes.replace(/\s+/g, ' ').trim());
  if (chars.length <= excerptLength) return chars.join('');
  const lower = chars.map((c) => c.toLowerCase());
  let at = -1;
  for (const term of indexTokens(query).split(' ').filter(Boolean)) {
    at = indexOfRun(lower, Array.from(term));
    if (at >= 0) break;
  }
  const start = at < 0 ? 0 : Math.max(0, Math.min(at - 20, chars.length - excerptLength));
  const end = start + excerptLength;
  return (start > 0 ? '…' : '') + chars.slice(start, end).join('') + (end < chars.length ? '…' : '');
}

function indexOfRun(haystack: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
