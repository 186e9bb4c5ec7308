// The guard between the SIP wire and the process, on a stand-in for the parts of a sip.js
// UserAgent it wraps (the Kamailio integration test drives it with the real one).
import { Core, type UserAgent } from 'sip.js';
import { describe, expect, it } from 'vitest';
import { guardIncomingRequests } from '../../../../../electron/adapters/sip/incomingRequestGuard';
import type { Logger } from '../../../../../electron/core/kernel/platformPorts';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: () => undefined,
    warn: (message) => void lines.push(`warn ${message}`),
    error: (message) => void lines.push(`error ${message}`),
  };
}

function standIn(onInvite: (request: Core.IncomingInviteRequest) => void, onMessage: (message: string) => void) {
  const sent: string[] = [];
  const ua = {
    userAgentCore: { delegate: { onInvite } },
    transport: { onMessage, send: async (message: string) => void sent.push(message) },
    _sessions: {} as Record<string, unknown>,
    getLogger: () => ({ error: () => undefined, warn: () => undefined, log: () => undefined, debug: () => undefined }),
  };
  return { ua, sent, asUserAgent: ua as unknown as UserAgent };
}

function inviteRequest(callId = 'c1', fromTag = 'f1') {
  const rejected: number[] = [];
  const request = {
    message: { callId, fromTag, hasHeader: () => false },
    reject: (options: { statusCode: number }) => void rejected.push(options.statusCode),
  } as unknown as Core.IncomingInviteRequest;
  return { request, rejected };
}

const validInvite = [
  'INVITE sip:1001@deskline.test SIP/2.0',
  'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK1',
  'From: <sip:3001@example.com>;tag=f1',
  'To: <sip:1001@deskline.test>',
  'Call-ID: c1',
  'CSeq: 1 INVITE',
  'Max-Forwards: 70',
  'Contact: <sip:3001@a.invalid>',
  'Content-Length: 0',
  '',
  '',
].join('\r\n');

describe('guardIncomingRequests', () => {
  it('answers 500 when sip.js fails on an INVITE, and does not rethrow', () => {
    const logger = recordingLogger();
    const { ua, asUserAgent } = standIn(() => {
      throw new Error('Session does not exist.');
    }, () => undefined);
    guardIncomingRequests(asUserAgent, logger);
    const { request, rejected } = inviteRequest();
    expect(() => ua.userAgentCore.delegate.onInvite(request)).not.toThrow();
    expect(rejected).toEqual([500]);
    expect(logger.lines).toContain('error SIP: incoming INVITE could not be handled; refused with 500');
  });

  it('answers 482 to an INVITE repeating the Call-ID and From tag of a session we have, without handing it to sip.js', () => {
    const handled: string[] = [];
    const { ua, asUserAgent } = standIn((request) => void handled.push(request.message.callId), () => undefined);
    guardIncomingRequests(asUserAgent, recordingLogger());
    ua._sessions['c1f1'] = {};
    const repeated = inviteRequest('c1', 'f1');
    ua.userAgentCore.delegate.onInvite(repeated.request);
    const fresh = inviteRequest('c2', 'f1');
    ua.userAgentCore.delegate.onInvite(fresh.request);
    expect(repeated.rejected).toEqual([482]);
    expect(fresh.rejected).toEqual([]);
    expect(handled).toEqual(['c2']);
  });

  it('hands sip.js an Expires its timer can hold: a malformed one is dropped, a huge one cut to 2^31 ms', () => {
    const seen: (string | undefined)[] = [];
    const { ua, asUserAgent } = standIn((request) => void seen.push(request.message.getHeader('expires')), () => undefined);
    guardIncomingRequests(asUserAgent, recordingLogger());
    const logger = { error: () => undefined, warn: () => undefined, log: () => undefined, debug: () => undefined };
    for (const [value, callId] of [['soon', 'c1'], ['4320000', 'c2'], ['180', 'c3']] as const) {
      const text = validInvite.replace('Call-ID: c1', `Call-ID: ${callId}`).replace('Max-Forwards: 70', `Max-Forwards: 70\r\nExpires: ${value}`);
      const message = Core.Parser.parseMessage(text, logger as unknown as Core.Logger) as Core.IncomingRequestMessage;
      ua.userAgentCore.delegate.onInvite({ message, reject: () => undefined } as unknown as Core.IncomingInviteRequest);
    }
    expect(seen).toEqual([undefined, '2147483', '180']);
  });

  it('logs instead of rethrowing what escapes sip.js handling of a message (Node would exit)', () => {
    const logger = recordingLogger();
    const { ua, asUserAgent } = standIn(() => undefined, () => {
      throw new TypeError('boom');
    });
    guardIncomingRequests(asUserAgent, logger);
    expect(() => ua.transport.onMessage(validInvite)).not.toThrow();
    expect(() => ua.transport.onMessage('SIP/2.0 200 OK\r\n\r\n')).not.toThrow();
    expect(logger.lines.filter((l) => l.startsWith('error SIP: an incoming message could not be handled'))).toHaveLength(2);
  });

  it('answers 400 to a request sip.js reports it could not parse (it drops it), and to nothing else', () => {
    const delivered: string[] = [];
    let guard: ReturnType<typeof guardIncomingRequests> | null = null;
    // The stand-in for sip.js: like sip.js, it reports a message it cannot parse as an error of its
    // "sip.Parser" logger while handling it.
    const { ua, sent, asUserAgent } = standIn(() => undefined, (message) => {
      delivered.push(message);
      if (message.includes('\u001B')) guard?.sipJsLogged('error', 'sip.Parser');
      else guard?.sipJsLogged('error', 'sip.Transaction');
    });
    guard = guardIncomingRequests(asUserAgent, recordingLogger());
    const broken = validInvite.replace('From: <sip:3001@example.com>;tag=f1', 'From: "ESC:\u001B" <sip:3001@example.com>;tag=f1');
    ua.transport.onMessage(broken);
    ua.transport.onMessage(validInvite);
    ua.transport.onMessage('ACK sip:1001@deskline.test SIP/2.0\r\nFrom: "\u001B"\r\n\r\n');
    ua.transport.onMessage('SIP/2.0 200 \u001B\r\n\r\n');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^SIP\/2\.0 400 Bad Request\r\n/);
    expect(sent[0]).toContain('\r\nCall-ID: c1\r\n');
    expect(delivered).toHaveLength(4);
  });
});
