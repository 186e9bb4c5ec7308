// Customer numbers shown or exported outside the access-controlled database are masked (S-6:
// customer data is seen only by those who need it), and numbers typed by agents are normalized
// before they are stored or dialled.

/** The fewest and most digits a dialable number can have (a 3-digit service number up to E.164 plus extension room). */
export const minPhoneDigits = 3;
export const maxPhoneDigits = 20;

/**
 * Keeps the first 3 and last 4 characters when there are at least 8, else only the last 2 (or none
 * for 1–2 characters), so at most 7 are ever shown and at least one is always hidden.
 */
function maskRun(run: string): string {
  const chars = Array.from(run); // code points, so a non-ASCII user part is not cut mid-character
  const n = chars.length;
  if (n >= 8) return chars.slice(0, 3).join('') + '*'.repeat(n - 7) + chars.slice(-4).join('');
  if (n > 2) return '*'.repeat(n - 2) + chars.slice(-2).join('');
  return '*'.repeat(n);
}

/** Digits with the separators people write (spaces, dashes, dots, parentheses) and an optional leading +. */
const numberLike = /^\+?[\d\s().-]*\d[\d\s().-]*$/;

function maskNumber(text: string): string {
  const plus = text.startsWith('+');
  const digits = text.replace(/\D/g, '');
  // +86 is split off so the China mobile form reads "+86 138****5678". The country code names a
  // country, not a subscriber, so it is not counted against the 7 digits. Other country codes are
  // 1–3 digits and cannot be split without a numbering-plan table: those numbers are masked as one
  // digit string, so the 7-digit limit covers the country code too.
  if (plus && digits.startsWith('86') && digits.length > 2) return `+86 ${maskRun(digits.slice(2))}`;
  return (plus ? '+' : '') + maskRun(digits);
}

function maskUser(user: string): string {
  return numberLike.test(user) ? maskNumber(user) : maskRun(user);
}

/**
 * The number as it may be shown to someone who should not see it in full (S-6), e.g.
 * 13800135678 → 138****5678, +86 13800135678 → +86 138****5678, sip:alice1234@pbx.example.com →
 * sip:ali**1234@pbx.example.com (only the user part is masked; the domain is the carrier's or the
 * PBX's). Separators are dropped: the masked form is for reading, not dialling.
 */
export function maskPhoneNumber(number: string): string {
  const text = number.trim();
  // RFC 3323 withheld identity: names no one, and "*******us" would only puzzle the reader.
  if (text === '' || text.toLowerCase() === 'anonymous') return text;
  const sip = /^(sips?:)([^@]*)(@.*)$/i.exec(text);
  if (sip) {
    const [, scheme = '', user = '', domain = ''] = sip;
    return scheme + maskUser(user) + domain;
  }
  const tel = /^(tel:)([^;]*)(.*)$/i.exec(text);
  if (tel) {
    const [, scheme = '', user = '', params = ''] = tel;
    return scheme + maskUser(user) + params;
  }
  // A sip: URI without a user part names a device (often its IP address): mask all of it after the scheme.
  const bare = /^(sips?:)(.+)$/i.exec(text);
  if (bare) return (bare[1] ?? '') + maskRun(bare[2] ?? '');
  return maskUser(text);
}

/** A run of digits as people write a phone number inside other text: 7 or more digits, separators allowed. */
const embeddedNumber = /\+?\d(?:[\s().-]*\d){6,}/g;

/**
 * A display name as it may be shown to someone who sees numbers masked (S-6). Callers often have
 * their number as their display name ("13812345678", or "Zhang 138 1234 5678"): a name that is
 * a number, or a SIP/tel URI, is masked like {@link maskPhoneNumber}, and a phone-length digit
 * run inside a name is masked in place; other names are shown as they are.
 */
export function maskDisplayName(name: string): string {
  const text = name.trim();
  if (numberLike.test(text) || /^(sips?|tel):/i.test(text)) return maskPhoneNumber(text);
  return name.replace(embeddedNumber, (run) => maskPhoneNumber(run));
}

/** Full-width forms (U+FF01–U+FF5E, ideographic space) that Chinese input methods type instead of ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A typed number as digits with an optional leading +, e.g. "+86 (138) 0013-5678" → "+8613800135678".
 * Accepts spaces, dashes and balanced parentheses between digits, and full-width characters;
 * throws an Error that says what is wrong otherwise.
 */
export function normalizePhoneNumber(input: string): string {
  const text = toHalfWidth(input).trim();
  if (text === '') throw new Error('Enter a phone number.');
  if (/\p{L}/u.test(text)) throw new Error(`"${input}" is not a phone number: it contains letters.`);
  const body = text.startsWith('+') ? text.slice(1) : text;
  const stray = /[^\d\s()-]/.exec(body);
  if (stray) {
    const what = stray[0] === '+' ? 'a + is allowed only at the start' : `"${stray[0]}" is not allowed (use digits, spaces, dashes and parentheses)`;
    throw new Error(`"${input}" is not a phone number: ${what}.`);
  }
  let depth = 0;
  for (const c of body) {
    if (c === '(') depth += 1;
    if (c === ')') depth -= 1;
    if (depth < 0 || depth > 1) throw new Error(`"${input}" is not a phone number: its parentheses do not match.`);
  }
  if (depth !== 0) throw new Error(`"${input}" is not a phone number: its parentheses do not match.`);
  const digits = body.replace(/\D/g, '');
  if (digits.length < minPhoneDigits) throw new Error(`"${input}" is too short for a phone number: it has ${digits.length} digits, at least ${minPhoneDigits} are needed.`);
  if (digits.length > maxPhoneDigits) throw new Error(`"${input}" is too long for a phone number: it has ${digits.length} digits, at most ${maxPhoneDigits} are allowed.`);
  const plus = body !== text;
  if (plus && digits.startsWith('0')) throw new Error(`"${input}" is not a phone number: a country code after + never starts with 0.`);
  return (plus ? '+' : '') + digits;
}
