// S-6 (权限管理, access by role only): who may see a customer's phone number in full. The rule is
// decided in the core for every reply and event; the renderer only ever receives the result.
import type { Role } from '../contract/roles';
import { maskPhoneNumber, normalizePhoneNumber } from './phoneMasking';

/** Who is looking: the role and user the request (or event) is for. */
export interface NumberViewer {
  role: Role;
  userId: string;
}

/** A call not yet ended: whose it is and the number of the other party. */
export interface LiveCallParty {
  agentId: string;
  remoteNumber: string;
}

/** Roles that see every number in full: they supervise and administer customer data (S-6). */
const fullNumberRoles: ReadonlySet<Role> = new Set<Role>(['teamLead', 'admin']);

/**
 * The comparable form of a number (digits with an optional +), or null when it is not a phone
 * number at all (e.g. "anonymous" or a SIP URI without digits), which then never matches anything.
 */
export function phoneKey(number: string): string | null {
  const sip = /^(?:sips?|tel):([^@;]+)/i.exec(number.trim());
  try {
    return normalizePhoneNumber(sip?.[1] ?? number);
  } catch {
    return null;
  }
}

/**
 * The forms one number is written in: China (+86) numbers are stored and sent both nationally and
 * internationally (13800135678 / +8613800135678, 021 6552 0000 / +86 21 6552 0000), and 00 is
 * the international prefix dialled for +. Other countries need a numbering plan: only 00 ↔ +.
 */
export function numberForms(key: string): string[] {
  const international = key.startsWith('00') ? `+${key.slice(2)}` : key;
  const forms = new Set([key, international]);
  if (international.startsWith('+86')) {
    const national = international.slice(3);
    forms.add(/^1\d{10}$/.test(national) ? national : `0${national}`);
  } else if (/^1\d{10}$/.test(key)) {
    forms.add(`+86${key}`); // a mainland mobile number
  } else if (/^0[1-9]\d{8,10}$/.test(key)) {
    forms.add(`+86${key.slice(1)}`); // a mainland landline with its trunk 0
  }
  for (const form of [...forms]) if (form.startsWith('+')) forms.add(`00${form.slice(1)}`);
  return [...forms];
}

/**
 * The stored forms of the number a search query names when the query is a phone number and
 * nothing else (no letters; 3–20 digits), e.g. "138 0013 5678" → 13800135678, +8613800135678 …;
 * empty when it is not a number. S-6: what masked roles may find a number by (the whole number).
 */
export function numberQueryForms(query: string): string[] {
  if (/\p{L}/u.test(query)) return [];
  const key = phoneKey(query);
  return key === null ? [] : numberForms(key);
}

/** Whether two written numbers are the same number (in any of their {@link numberForms}). */
export function sameNumber(a: string, b: string): boolean {
  const keyA = phoneKey(a);
  const keyB = phoneKey(b);
  if (keyA === null || keyB === null) return false;
  const formsB = numberForms(keyB);
  return numberForms(keyA).some((form) => formsB.includes(form));
}

/** S-6: whether this role sees stored numbers masked (everyone but team leads and admins). */
export function seesNumbersMasked(role: Role): boolean {
  return !fullNumberRoles.has(role);
}

/**
 * S-6 for the softphone's own calls (live calls, their events, the missed and declined lists): the
 * agent the phone belongs to sees them in full, since they talk to these callers and call them
 * back; team leads and admins see them in full; everyone else (QA, another agent) masked.
 */
export function mayViewPhoneOwnersNumbers(viewer: NumberViewer, phoneOwnerId: string | null): boolean {
  if (fullNumberRoles.has(viewer.role)) return true;
  return viewer.role === 'agent' && phoneOwnerId !== null && viewer.userId === phoneOwnerId;
}

/**
 * S-6: team leads and admins see full numbers; an agent sees a number in full only while it is
 * the remote party of one of the agent's own live calls (the person they are talking to, or who is
 * ringing them); everyone else (QA, an agent looking at other records) sees it masked.
 */
export function mayViewFullNumber(viewer: NumberViewer, number: string, liveCalls: readonly LiveCallParty[]): boolean {
  if (fullNumberRoles.has(viewer.role)) return true;
  if (viewer.role !== 'agent') return false;
  return liveCalls.some((call) => call.agentId === viewer.userId && sameNumber(call.remoteNumber, number));
}

/** The number as this viewer may see it: itself, or masked as 138****5678 (S-6). */
export function numberForViewer(viewer: NumberViewer, number: string, liveCalls: readonly LiveCallParty[]): { number: string; masked: boolean } {
  return mayViewFullNumber(viewer, number, liveCalls) ? { number, masked: false } : { number: maskPhoneNumber(number), masked: true };
}
