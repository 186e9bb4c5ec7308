// A 400 Bad Request for a request sip.js cannot parse: sip.js drops such a message without a word,
// which leaves an INVITE's caller hearing nothing until a proxy timer gives up (issue 12). Built
// from the raw text: the headers a response must echo (RFC 3261 §8.2.6.2) are copied verbatim.

const echoed: Record<string, string> = {
  via: 'Via', v: 'Via', from: 'From', f: 'From', to: 'To', t: 'To', 'call-id': 'Call-ID', i: 'Call-ID', cseq: 'CSeq',
};

/** The response text, or null when the request lacks what a response needs (Via, From, To, Call-ID, CSeq). */
export function badRequestReply(raw: string, toTag: string): string | null {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end >= 0 ? raw.slice(0, end) : raw).replace(/\r?\n[ \t]+/g, ' ');
  const lines = head.split(/\r?\n/).slice(1);
  const copied: string[] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = echoed[line.slice(0, colon).trim().toLowerCase()];
    if (!name) continue;
    // Every Via, but only the first of the others: a second From must not make the reply ambiguous.
    if (name !== 'Via' && seen.has(name)) continue;
    // Never echo a control character (a CR or NUL would split or end the header).
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    let value = line.slice(colon + 1).trim().replace(/[\u0000-\u0008\u000A-\u001F\u007F]/g, '');
    if (name === 'To' && !/;\s*tag\s*=/i.test(value)) value += `;tag=${toTag}`;
    copied.push(`${name}: ${value}`);
    seen.add(name);
  }
  if (!['Via', 'From', 'To', 'Call-ID', 'CSeq'].every((name) => seen.has(name))) return null;
  return ['SIP/2.0 400 Bad Request', ...copied, 'Content-Length: 0', '', ''].join('\r\n');
}
