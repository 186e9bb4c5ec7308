// S-6 caller-ID trust (RFC 3325): P-Asserted-Identity is read only when the server is trusted to
// assert it; malformed or hostile values are ignored (unverified), never thrown.
import { describe, expect, it } from 'vitest';
import { assertedIdentity, callerIdentity, type SipHeaders } from '../../../../../electron/adapters/sip/assertedIdentity';

const headers = (...pai: string[]): SipHeaders => ({ getHeaders: (name) => (name === 'P-Asserted-Identity' ? pai : []) });
const from = { number: '13800135678', name: 'From Name' };

describe('callerIdentity', () => {
  it('is unverified whenever the server is not trusted to assert identity, PAI or not', () => {
    expect(callerIdentity(from, headers('<sip:13999999999@pbx>'), false)).toEqual({ ...from, verified: false });
    expect(callerIdentity(from, headers(), false)).toEqual({ ...from, verified: false });
  });
  it('with a trusted server: the asserted number, verified; the From name when PAI has none', () => {
    expect(callerIdentity(from, headers('<sip:+8613911112222@pbx.example.com;user=phone>'), true)).toEqual({ number: '+8613911112222', name: 'From Name', verified: true });
    expect(callerIdentity(from, headers('"王芳" <tel:+8613911112222;phone-context=+86>'), true)).toEqual({ number: '+8613911112222', name: '王芳', verified: true });
  });
  it('with a trusted server but no usable PAI: the From identity, unverified', () => {
    expect(callerIdentity(from, headers(), true)).toEqual({ ...from, verified: false });
    expect(callerIdentity(from, headers('<sip:pbx.example.com>'), true)).toEqual({ ...from, verified: false });
    expect(callerIdentity(from, headers(`<sip:${'1'.repeat(2000)}@pbx>`), true)).toEqual({ ...from, verified: false });
  });
});

describe('assertedIdentity', () => {
  it('prefers the tel: value of the two RFC 3325 allows, in one header or two', () => {
    expect(assertedIdentity(headers('<sip:alice@pbx>, "Bob, Jr." <tel:+861065529988>'))).toEqual({ number: '+861065529988', name: 'Bob, Jr.' });
    expect(assertedIdentity(headers('<sip:alice@pbx>', '<tel:+861065529988>'))).toEqual({ number: '+861065529988', name: null });
    expect(assertedIdentity(headers('sip:13800135678@pbx'))).toEqual({ number: '13800135678', name: null });
  });
  it('survives hostile values: bad percent-escapes kept as written, control and bidi characters dropped, names bounded', () => {
    expect(assertedIdentity(headers('<sip:%25%@pbx>'))).toEqual({ number: '%25%', name: null });
    expect(assertedIdentity(headers('"\u202Eevil\u0007" <sip:%31%32%33@pbx>'))).toEqual({ number: '123', name: 'evil' });
    expect(assertedIdentity(headers(`"${'x'.repeat(500)}" <sip:1@pbx>`))?.name).toHaveLength(128);
    expect(assertedIdentity(headers('garbage', '<>', '""'))).toBeNull();
  });
});
