// The caller shown for an incoming call, from the From header exactly as sip.js parsed it.
import { Grammar } from 'sip.js';
import { describe, expect, it } from 'vitest';
import { remotePartyOf } from '../../../../../electron/adapters/sip/remoteParty';
import { maxCallerNameLength, maxCallerNumberLength } from '../../../../../shared/domain/callerIdText';

function fromHeader(value: string) {
  const parsed = Grammar.nameAddrHeaderParse(value);
  if (!parsed) throw new Error(`sip.js did not parse ${value}`);
  return remotePartyOf(parsed.uri, parsed.displayName);
}

describe('remotePartyOf', () => {
  it('shows a percent-escaped user part decoded once (issue 12: %25 threw URIError and killed the host)', () => {
    expect(fromHeader('<sip:%25@example.com>')).toMatchObject({ number: '%', name: null });
    expect(fromHeader('<sip:100%25@example.com>')).toMatchObject({ number: '100%', name: null });
    expect(fromHeader('<sip:I%20have%20spaces@example.net>')).toMatchObject({ number: 'I have spaces', name: null });
    expect(fromHeader('"%Z%45" <sip:resource@example.com>')).toMatchObject({ number: 'resource', name: '%Z%45' });
  });

  it('undoes the quoted pairs of a quoted display name, which sip.js leaves as sent (RFC 4475 wsinv)', () => {
    expect(fromHeader('"J Rosenberg \\\\\\"" <sip:jdrosen@example.com>').name).toBe('J Rosenberg \\"');
    expect(fromHeader('"BEL:\\\u0007 x" <sip:3001@example.com>').name).toBe('BEL: x');
  });

  it('keeps an ordinary caller as it is', () => {
    expect(fromHeader('"Caller Wang" <sip:3001@deskline.test>;tag=abc')).toMatchObject({ number: '3001', name: 'Caller Wang' });
  });

  it('removes bidi and control characters from name and number', () => {
    expect(fromHeader('"\u202Eevil\u202C" <sip:+86%E2%80%AE0001@example.com>')).toMatchObject({ number: '+860001', name: 'evil' });
  });

  it('falls back to the escaped URI when the user part has nothing printable', () => {
    expect(fromHeader('<sip:%00@example.com>')).toMatchObject({ number: 'sip:%00@example.com', name: null });
  });

  it('bounds a display name and user part far beyond normal', () => {
    const remote = fromHeader(`"${'x'.repeat(5000)}" <sip:${'9'.repeat(5000)}@example.com>`);
    expect(Array.from(remote.name!).length).toBe(maxCallerNameLength);
    expect(Array.from(remote.number).length).toBe(maxCallerNumberLength);
  });
});
