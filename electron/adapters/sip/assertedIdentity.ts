// Caller-ID trust (S-6), after RFC 3325 "Private Extensions to SIP for Asserted Identity within
// Trusted Networks". The From header is whatever the caller's phone put there, so a number in it
// proves nothing: anyone can call with a customer's number to hear that customer's history.
// RFC 3325 lets a proxy that has authenticated the caller (or received the call from a trusted
// carrier) state the identity in P-Asserted-Identity (PAI), and requires it to remove any PAI that
// arrives from outside its Trust Domain (§5). That header is only worth anything if:
//  1. it reaches us from that proxy: the desk takes SIP only over its own WebSocket connection to
//     the configured server (sip.js holds no listening socket), so every INVITE we receive came
//     through it; and
//  2. that server really is such a proxy (asserts identities and strips callers' own PAI): a fact
//     about the deployment the desk cannot test, hence the setting serverAssertsIdentity, off by
//     default. With it off, every inbound caller ID is unverified, PAI or not, since a server
//     that does not strip PAI would pass on whatever the caller wrote.
import type { RemoteParty } from '../../../shared/contract/softphone';

/** Anything with SIP headers (sip.js IncomingRequestMessage). */
export interface SipHeaders {
  getHeaders(name: string): string[];
}

/** Longer than any real identity: such a header is not trusted, only ignored. */
const maxHeaderLength = 1024;
const maxNameLength = 128;

/**
 * The inbound caller as the desk shows it: the asserted identity when the server is trusted to
 * assert it and the INVITE carries one (verified), else the From identity (unverified).
 */
export function callerIdentity(from: RemoteParty, request: SipHeaders, serverAssertsIdentity: boolean): RemoteParty {
  if (!serverAssertsIdentity) return { ...from, verified: false };
  const asserted = assertedIdentity(request);
  if (!asserted) return { ...from, verified: false };
  return { number: asserted.number, name: asserted.name ?? from.name, verified: true };
}

/**
 * The identity in the request's P-Asserted-Identity header(s), or null when there is none that
 * names a user. RFC 3325 §9.1 allows one sip:/sips: and one tel: value; the tel: one is a phone
 * number by definition, so it is preferred.
 */
export function assertedIdentity(request: SipHeaders): { number: string; name: string | null } | null {
  const values = request
    .getHeaders('P-Asserted-Identity')
    .filter((header) => header.length <= maxHeaderLength)
    .flatMap(splitValues)
    .map(parseNameAddr)
    .filter((v): v is { number: string; name: string | null; tel: boolean } => v !== null);
  const chosen = values.find((v) => v.tel) ?? values[0];
  return chosen ? { number: chosen.number, name: chosen.name } : null;
}

/** Splits a header on the commas between values (not those inside quotes or <…>). */
function splitValues(header: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i]!;
    if (quoted && c === '\\') {
      current += c + (header[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"' && !angle) quoted = !quoted;
    else if (c === '<' && !quoted) angle = true;
    else if (c === '>' && !quoted) angle = false;
    if (c === ',' && !quoted && !angle) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function parseNameAddr(value: string): { number: string; name: string | null; tel: boolean } | null {
  const text = value.trim();
  const nameAddr = /^(?:"((?:[^"\\]|\\.)*)"|([^<"]*?))\s*<([^>]*)>/.exec(text);
  const uri = nameAddr ? (nameAddr[3] ?? '') : (/^[^\s;,]+/.exec(text)?.[0] ?? '');
  const rawName = nameAddr ? (nameAddr[1]?.replace(/\\(.)/g, '$1') ?? nameAddr[2] ?? '') : '';
  const sip = /^sips?:([^@]+)@/i.exec(uri);
  const tel = /^tel:([^;]+)/i.exec(uri);
  const user = sip?.[1]?.split(';')[0] ?? tel?.[1];
  if (!user) return null;
  const number = clean(safeDecode(user));
  if (number === '') return null;
  const name = clean(rawName).slice(0, maxNameLength);
  return { number, name: name === '' ? null : name, tel: tel !== null };
}

/** A malformed percent-escape is kept as written rather than thrown (an INVITE must never crash the desk). */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Without control and format characters (bidi overrides among them), trimmed. */
function clean(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
}
