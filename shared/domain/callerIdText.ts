// A caller's name and number as the network sent them, made safe to show and store: control and
// bidi-override characters removed, whitespace folded, length bounded (issue 12; S-6 protects the
// number that is shown, so what is shown must be what was sent, not a reordered look-alike).

/** Longest name kept, in code points: a full name in any script, far below what breaks a layout. */
export const maxCallerNameLength = 64;
/** Longest number kept, in code points: E.164 is 15 digits; room for extensions and SIP user parts. */
export const maxCallerNumberLength = 64;

/** Marks a value that was cut to its limit. */
export const truncationMark = '…';

/**
 * Characters removed outright: C0 controls other than the whitespace ones, DEL, C1 controls, the
 * bidi embeddings/overrides/isolates/marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C)
 * that can make "+86 138…" display as another number (Trojan Source), zero-width space and
 * byte-order mark (invisible, used to make two names look alike), and lone surrogates.
 * Joiners (U+200C, U+200D) stay: scripts and emoji need them.
 */
const removed =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Tab, newline, vertical tab, form feed, carriage return, NEL and the Unicode line/paragraph separators. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const lineBreaking = /[\t\n\u000B\u000C\r\u0085\u2028\u2029]/g;

function clean(raw: string, limit: number): string {
  const text = raw.replace(lineBreaking, ' ').replace(removed, '').replace(/\s+/g, ' ').trim();
  // Counted in code points so a surrogate pair is never split.
  const points = Array.from(text);
  if (points.length <= limit) return text;
  return points.slice(0, limit - 1).join('').trimEnd() + truncationMark;
}

/** Longest reason phrase or status text from a SIP peer that is shown to the agent. */
export const maxSipTextLength = 128;

/**
 * Other text a SIP peer chose and the agent is shown (a reason phrase, a transfer's status line):
 * cleaned the same way, so an error message cannot be reordered or made to run on for pages.
 */
export function cleanSipText(raw: string | null | undefined): string {
  return raw ? clean(raw, maxSipTextLength) : '';
}

/** The display name to show and store, or null when nothing printable is left. */
export function cleanCallerName(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const text = clean(raw, maxCallerNameLength);
  return text.length > 0 ? text : null;
}

/** The number (SIP user part) to show and store; empty when nothing printable is left. */
export function cleanCallerNumber(raw: string): string {
  return clean(raw, maxCallerNumberLength);
}
