// A SIP client that writes messages byte for byte over a WebSocket to Kamailio: for requests no
// well-behaved stack would send (RFC 4475 torture messages, hostile callers). It understands just
// enough of what comes back to wait for responses, CANCEL or ACK its INVITE, and answer a BYE.
import { createHash, randomBytes } from 'node:crypto';
import WebSocket from 'ws';

/** A SIP message as received: start line, headers in order (names lower-cased, folding undone), body. */
export interface SipMessage {
  startLine: string;
  /** Response status, or null for a request. */
  status: number | null;
  /** Request method, or null for a response. */
  method: string | null;
  headers: { name: string; value: string }[];
  body: string;
  raw: string;
}

const compactNames: Record<string, string> = {
  i: 'call-id', f: 'from', t: 'to', v: 'via', m: 'contact', l: 'content-length', c: 'content-type', s: 'subject', k: 'supported',
};

export function parseSipMessage(raw: string): SipMessage {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const lines = head.replace(/\r\n[ \t]+/g, ' ').split('\r\n');
  const startLine = lines.shift() ?? '';
  const statusMatch = /^SIP\/2\.0 (\d{3})/.exec(startLine);
  const headers = lines.flatMap((line) => {
    const colon = line.indexOf(':');
    if (colon < 0) return [];
    const name = line.slice(0, colon).trim().toLowerCase();
    return [{ name: compactNames[name] ?? name, value: line.slice(colon + 1).trim() }];
  });
  return {
    startLine,
    status: statusMatch ? Number(statusMatch[1]) : null,
    method: statusMatch ? null : (startLine.split(' ')[0] ?? null),
    headers,
    body,
    raw,
  };
}

export function header(message: SipMessage, name: string): string | undefined {
  return message.headers.find((h) => h.name === name)?.value;
}

export function headers(message: SipMessage, name: string): string[] {
  return message.headers.filter((h) => h.name === name).map((h) => h.value);
}

/** What a message template needs to address the desk through Kamailio and be answered here. */
export interface WireContext {
  /** The desk's address of record, e.g. sip:1001@deskline.test (the Request-URI). */
  ruri: string;
  /** Our topmost Via, the one Kamailio answers on (this WebSocket). */
  via: string;
  branch: string;
  callId: string;
  fromTag: string;
  /** A Contact for us (Kamailio aliases it to this connection). */
  contact: string;
  /** A plain audio SDP offer. */
  sdp: string;
}

export const offerSdp = ['v=0', 'o=- 29739 7272939 IN IP4 127.0.0.1', 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', 'm=audio 49217 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', ''].join('\r\n');

export function token(bytes = 6): string {
  return randomBytes(bytes).toString('hex');
}

/** UTF-8 length of a body, for Content-Length. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Lines joined with CRLF and a blank line before the body; Content-Length is the template's to write. */
export function sipText(lines: string[], body = ''): string {
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export class RawSipClient {
  readonly received: SipMessage[] = [];
  private readonly host = `${token(4)}.invalid`;
  /** The status line for a request other than INVITE or ACK reaching this socket (default 200 OK). */
  statusFor: ((request: SipMessage) => string | null) | null = null;
  /** INVITEs sent, by their Via branch: a CANCEL repeats their Request-URI, From, To, Call-ID and CSeq. */
  private readonly invites = new Map<string, SipMessage>();
  private waiters: { match: (m: SipMessage) => boolean; resolve: (m: SipMessage) => void }[] = [];

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => this.onMessage(data.toString('utf8')));
    socket.on('error', () => undefined);
  }

  static async connect(url: string): Promise<RawSipClient> {
    const socket = new WebSocket(url, 'sip');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new RawSipClient(socket);
  }

  /** A fresh transaction and dialog identity for one request to `aor`. */
  context(aor: string): WireContext {
    const branch = `z9hG4bK${token()}`;
    return {
      ruri: aor,
      via: `Via: SIP/2.0/WS ${this.host};branch=${branch};rport`,
      branch,
      callId: `${token(8)}@${this.host}`,
      fromTag: token(4),
      contact: `<sip:caller@${this.host};transport=ws>`,
      sdp: offerSdp,
    };
  }

  send(text: string): void {
    const sent = parseSipMessage(text);
    const branch = /;\s*branch=([^;,\s]+)/i.exec(header(sent, 'via') ?? '')?.[1];
    if (sent.method === 'INVITE' && branch) this.invites.set(branch, sent);
    this.socket.send(text);
  }

  /** The first message (already received or still to come) that matches. */
  waitFor(match: (m: SipMessage) => boolean, label: string, timeoutMs = 10_000): Promise<SipMessage> {
    const seen = this.received.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`timed out waiting for ${label}; got: ${this.received.map((m) => m.startLine).join(' | ')}`));
      }, timeoutMs);
      const done = (m: SipMessage) => {
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** Responses to the transaction with this Via branch, in order of arrival. */
  responses(branch: string, method = 'INVITE'): SipMessage[] {
    return this.received.filter(
      (m) => m.status !== null && (header(m, 'via') ?? '').includes(branch) && new RegExp(`\\s${method}$`, 'i').test(header(m, 'cseq') ?? ''),
    );
  }

  /** A response of the transaction with this Via branch; `method` tells an INVITE's from its CANCEL's. */
  response(branch: string, match: (status: number) => boolean, label: string, timeoutMs?: number, method = 'INVITE'): Promise<SipMessage> {
    return this.waitFor(
      (m) =>
        m.status !== null &&
        match(m.status) &&
        (header(m, 'via') ?? '').includes(branch) &&
        new RegExp(`\\s${method}$`, 'i').test(header(m, 'cseq') ?? ''),
      label,
      timeoutMs,
    );
  }

  /** CANCEL the INVITE sent with `context` (RFC 3261 §9.1: same Request-URI, Via, From, To, Call-ID, CSeq number). */
  cancel(context: WireContext): void {
    const invite = this.invites.get(context.branch);
    if (!invite) throw new Error(`no INVITE was sent with branch ${context.branch}`);
    const cseq = (header(invite, 'cseq') ?? '1 INVITE').split(/\s+/)[0];
    this.send(
      sipText([
        `CANCEL ${invite.startLine.split(' ')[1]} SIP/2.0`,
        context.via,
        `From: ${header(invite, 'from')}`,
        `To: ${header(invite, 'to')}`,
        `Call-ID: ${header(invite, 'call-id')}`,
        `CSeq: ${cseq} CANCEL`,
        'Max-Forwards: 70',
        'Content-Length: 0',
      ]),
    );
  }

  /** ACK a final response of the INVITE sent with `context`: hop by hop for non-2xx, to the Contact for 2xx. */
  ack(context: WireContext, final: SipMessage): void {
    const invite = this.invites.get(context.branch);
    const cseq = (header(invite ?? final, 'cseq') ?? '1 INVITE').split(/\s+/)[0];
    const success = (final.status ?? 0) < 300;
    const ruri = invite?.startLine.split(' ')[1] ?? context.ruri;
    const target = success ? (/<([^>]+)>/.exec(header(final, 'contact') ?? '')?.[1] ?? ruri) : ruri;
    // A 2xx sets up the route; an ACK of a failure follows its INVITE's Via and Route (RFC 3261 §17.1.1.3).
    const routes = success
      ? headers(final, 'record-route').flatMap((v) => v.split(/,(?=\s*<)/)).reverse()
      : invite
        ? headers(invite, 'route')
        : [];
    const failureVia = invite ? `Via: ${header(invite, 'via')}` : context.via;
    this.send(
      sipText([
        `ACK ${target} SIP/2.0`,
        success ? `Via: SIP/2.0/WS ${this.host};branch=z9hG4bK${token()};rport` : failureVia,
        ...routes.map((route) => `Route: ${route.trim()}`),
        `From: ${header(final, 'from')}`,
        `To: ${header(final, 'to')}`,
        `Call-ID: ${header(final, 'call-id')}`,
        `CSeq: ${cseq} ACK`,
        'Max-Forwards: 70',
        'Content-Length: 0',
      ]),
    );
  }

  /**
   * Send a request inside the dialog a 2xx to our INVITE set up (to its Contact, along its
   * Record-Route); returns its Via branch, for `response`.
   */
  inDialog(final: SipMessage, method: string, cseq: number, extra: string[] = [], body = '', contentType = 'application/sdp'): string {
    const target = /<([^>]+)>/.exec(header(final, 'contact') ?? '')?.[1];
    if (!target) throw new Error('the 2xx has no Contact');
    const branch = `z9hG4bK${token()}`;
    const routes = headers(final, 'record-route').flatMap((v) => v.split(/,(?=\s*<)/)).reverse();
    this.send(
      sipText(
        [
          `${method} ${target} SIP/2.0`,
          `Via: SIP/2.0/WS ${this.host};branch=${branch};rport`,
          ...routes.map((route) => `Route: ${route.trim()}`),
          `From: ${header(final, 'from')}`,
          `To: ${header(final, 'to')}`,
          `Call-ID: ${header(final, 'call-id')}`,
          `CSeq: ${cseq} ${method}`,
          'Max-Forwards: 70',
          `Contact: <sip:caller@${this.host};transport=ws>`,
          ...extra,
          ...(body ? [`Content-Type: ${contentType}`] : []),
          `Content-Length: ${byteLength(body)}`,
        ],
        body,
      ),
    );
    return branch;
  }

  /** REGISTER `user` (digest without qop, as the test Kamailio challenges) so calls to it reach this socket. */
  async register(user: string, password: string, domain: string): Promise<void> {
    const callId = `${token(8)}@${this.host}`;
    const uri = `sip:${domain}`;
    const request = (cseq: number, authorization: string[]) => {
      const branch = `z9hG4bK${token()}`;
      this.send(
        sipText([
          `REGISTER ${uri} SIP/2.0`,
          `Via: SIP/2.0/WS ${this.host};branch=${branch};rport`,
          `From: <sip:${user}@${domain}>;tag=${token(4)}`,
          `To: <sip:${user}@${domain}>`,
          `Call-ID: ${callId}`,
          `CSeq: ${cseq} REGISTER`,
          'Max-Forwards: 70',
          `Contact: <sip:${user}@${this.host};transport=ws>;expires=300`,
          ...authorization,
          'Content-Length: 0',
        ]),
      );
      return branch;
    };
    const challenged = await this.response(request(1, []), (s) => s >= 200, 'REGISTER challenge', 5000, 'REGISTER');
    const nonce = /nonce="([^"]+)"/.exec(header(challenged, 'www-authenticate') ?? '')?.[1];
    if (challenged.status !== 401 || !nonce) throw new Error(`REGISTER not challenged: ${challenged.startLine}`);
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    const response = md5(`${md5(`${user}:${domain}:${password}`)}:${nonce}:${md5(`REGISTER:${uri}`)}`);
    const authorization = `Authorization: Digest username="${user}", realm="${domain}", nonce="${nonce}", uri="${uri}", response="${response}", algorithm=MD5`;
    const accepted = await this.response(request(2, [authorization]), (s) => s >= 200, 'REGISTER', 5000, 'REGISTER');
    if (accepted.status !== 200) throw new Error(`REGISTER refused: ${accepted.startLine}`);
  }

  /**
   * Answer a request that reached this socket with `statusLine` (written as is, e.g. a strange
   * reason phrase). A 2xx to an INVITE carries a To tag, Record-Route, a Contact and `body`.
   */
  respond(request: SipMessage, statusLine: string, options: { toTag?: string; body?: string } = {}): void {
    const status = Number(/^SIP\/2\.0 (\d{3})/.exec(statusLine)?.[1] ?? 0);
    const dialog = status > 100 && status < 300 && request.method === 'INVITE';
    const to = header(request, 'to') ?? '';
    const body = dialog ? (options.body ?? '') : '';
    this.send(
      sipText(
        [
          statusLine,
          ...headers(request, 'via').map((v) => `Via: ${v}`),
          ...(dialog ? headers(request, 'record-route').map((v) => `Record-Route: ${v}`) : []),
          `From: ${header(request, 'from')}`,
          `To: ${status > 100 && !/;\s*tag=/i.test(to) ? `${to};tag=${options.toTag ?? 'rawtag'}` : to}`,
          `Call-ID: ${header(request, 'call-id')}`,
          `CSeq: ${header(request, 'cseq')}`,
          ...(dialog ? [`Contact: <sip:callee@${this.host};transport=ws>`] : []),
          ...(body ? ['Content-Type: application/sdp'] : []),
          `Content-Length: ${byteLength(body)}`,
        ],
        body,
      ),
    );
  }

  close(): void {
    this.socket.close();
  }

  private onMessage(raw: string): void {
    const message = parseSipMessage(raw);
    this.received.push(message);
    // A BYE (or another request outside an INVITE transaction) from the desk: say yes, as a phone
    // would. INVITEs are the test's to answer.
    if (message.method && !['ACK', 'INVITE'].includes(message.method)) {
      const statusLine = this.statusFor?.(message) ?? 'SIP/2.0 200 OK';
      this.respond(message, statusLine);
    }
    for (const waiter of [...this.waiters]) {
      if (waiter.match(message)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  }

}
