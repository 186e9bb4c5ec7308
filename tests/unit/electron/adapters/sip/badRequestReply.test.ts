// The 400 a desk sends for a request sip.js cannot parse, built from the raw text.
import { describe, expect, it } from 'vitest';
import { badRequestReply } from '../../../../../electron/adapters/sip/badRequestReply';

const request = [
  'INVITE sip:1001@deskline.test SIP/2.0',
  'Via: SIP/2.0/WS proxy.invalid;branch=z9hG4bKproxy',
  'v: SIP/2.0/WS caller.invalid;branch=z9hG4bKcaller',
  'From: "ESC:\u001B[31m" <sip:3001@example.com>;tag=abc',
  'From: <sip:second@example.com>;tag=def',
  't: <sip:1001@deskline.test>',
  'i: call-1@caller.invalid',
  'CSeq: 7',
  '  INVITE',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

describe('badRequestReply', () => {
  it('echoes every Via in order, the first From, To with a tag, Call-ID and CSeq (RFC 3261 §8.2.6.2)', () => {
    expect(badRequestReply(request, 'tag1')).toBe(
      [
        'SIP/2.0 400 Bad Request',
        'Via: SIP/2.0/WS proxy.invalid;branch=z9hG4bKproxy',
        'Via: SIP/2.0/WS caller.invalid;branch=z9hG4bKcaller',
        'From: "ESC:[31m" <sip:3001@example.com>;tag=abc',
        'To: <sip:1001@deskline.test>;tag=tag1',
        'Call-ID: call-1@caller.invalid',
        'CSeq: 7 INVITE',
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
  });

  it('keeps a To tag that is there', () => {
    expect(badRequestReply(request.replace('t: <sip:1001@deskline.test>', 'To: <sip:1001@deskline.test>;tag=x'), 'tag1')).toContain(
      '\r\nTo: <sip:1001@deskline.test>;tag=x\r\n',
    );
  });

  it('is null when a header a response needs is missing', () => {
    expect(badRequestReply(request.replace('i: call-1@caller.invalid\r\n', ''), 't')).toBeNull();
    expect(badRequestReply('garbage', 't')).toBeNull();
  });
});
