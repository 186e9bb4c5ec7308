// A SIP phone over UDP written at the message level, for the far-end behaviours real phones show
// and well-behaved stacks never do: a 180 Ringing without a Contact header (RFC 3261 §12.1.1
// wants one; some phones omit it), a session refresh by UPDATE (RFC 4028). It registers with
// digest authentication to the bridge-enabled Kamailio and answers INVITEs as the test scripts.
import { createHash, randomBytes } from 'node:crypto';
import dgram from 'node:dgram';
import type { RunningKamailio } from '../kamailio/kamailioHarness';

export interface SipMessage {
  startLine: string;
  headers: [string, string][];
  body: string;
  header(name: string): string | undefined;
  all(name: string): string[];
  status: number | null;
  method: string | null;
}

export function parseSip(text: string): SipMessage {
  const split = text.indexOf('\r\n\r\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 4);
  const [startLine = '', ...lines] = head.split('\r\n');
  const headers = lines.map((l): [string, string] => {
    const colon = l.indexOf(':');
    return [l.slice(0, colon).trim().toLowerCase(), l.slice(colon + 1).trim()];
  });
  const compact: Record<string, string> = { v: 'via', f: 'from', t: 'to', i: 'call-id', m: 'contact', l: 'content-length', c: 'content-type' };
  const named = headers.map(([k, v]): [string, string] => [compact[k] ?? k, v]);
  const status = /^SIP\/2\.0 (\d{3})/.exec(startLine);
  return {
    startLine,
    headers: named,
    body,
    header: (name) => named.find(([k]) => k === name.toLowerCase())?.[1],
    all: (name) => named.filter(([k]) => k === name.toLowerCase()).map(([, v]) => v),
    status: status ? Number(status[1]) : null,
    method: status ? null : (startLine.split(' ')[0] ?? null),
  };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

export interface RawUdpPhone {
  port: number;
  /** Requests received so far (INVITE, ACK, BYE, UPDATE, …), oldest first. */
  received: SipMessage[];
  nextRequest(method: string, timeoutMs?: number): Promise<SipMessage>;
  /** Answer a request with a status line and extra headers; `contact: false` leaves Contact out. */
  respond(request: SipMessage, status: number, reason: string, options?: { contact?: boolean; body?: string; toTag?: string }): void;
  /** SDP for our audio (PCMU, plain RTP) at this phone's RTP port. */
  sdp(): string;
  /** Send a 440 Hz PCMU tone to the address and port in `peerSdp` until the returned stop. */
  sendTone(peerSdp: string): () => void;
  /** Send a request inside the dialog created by our 200 OK to `invite`. */
  sendInDialog(invite: SipMessage, method: string, options?: { body?: string; headers?: string[] }): Promise<SipMessage>;
  stop(): Promise<void>;
}

export async function startRawUdpPhone(options: { user: string; password: string; kamailio: RunningKamailio }): Promise<RawUdpPhone> {
  const { kamailio } = options;
  if (!kamailio.udpPort) throw new Error('The raw phone needs a Kamailio started with the bridge (UDP) enabled.');
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const rtp = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => rtp.bind(0, '127.0.0.1', () => resolve()));
  rtp.on('message', () => undefined); // what the desk sends is not analysed here
  const port = socket.address().port;
  const proxy = { port: kamailio.udpPort, host: '127.0.0.1' };
  const aor = `sip:${options.user}@${kamailio.domain}`;
  const contact = `<sip:${options.user}@127.0.0.1:${port}>`;
  const tag = randomBytes(4).toString('hex');
  const received: SipMessage[] = [];
  const responseWaiters = new Map<string, (m: SipMessage) => void>();
  const requestWaiters: { method: string; resolve: (m: SipMessage) => void }[] = [];
  let cseq = 1;

  const send = (text: string) => socket.send(text, proxy.port, proxy.host);
  socket.on('message', (data) => {
    const message = parseSip(data.toString());
    if (message.status !== null) {
      if (message.status >= 200) responseWaiters.get(message.header('cseq') ?? '')?.(message);
      return;
    }
    received.push(message);
    const index = requestWaiters.findIndex((w) => w.method === message.method);
    if (index >= 0) requestWaiters.splice(index, 1)[0]!.resolve(message);
  });

  const request = (method: string, uri: string, headers: string[], body = ''): Promise<SipMessage> => {
    const seq = `${cseq++} ${method}`;
    const text = [
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/UDP 127.0.0.1:${port};rport;branch=z9hG4bK${randomBytes(6).toString('hex')}`,
      'Max-Forwards: 70',
      `CSeq: ${seq}`,
      ...headers,
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no final response to ${method}`)), 5_000);
      responseWaiters.set(seq, (m) => {
        clearTimeout(timer);
        responseWaiters.delete(seq);
        resolve(m);
      });
      send(text);
    });
  };

  // REGISTER with digest authentication (Kamailio's www_challenge without qop).
  const callId = `${randomBytes(8).toString('hex')}@127.0.0.1`;
  const registerHeaders = [`From: <${aor}>;tag=${tag}`, `To: <${aor}>`, `Call-ID: ${callId}`, `Contact: ${contact}`, 'Expires: 600'];
  const registrar = `sip:${kamailio.domain}`;
  let reply = await request('REGISTER', registrar, registerHeaders);
  if (reply.status === 401) {
    const challenge = reply.header('www-authenticate') ?? '';
    const realm = /realm="([^"]+)"/.exec(challenge)?.[1] ?? kamailio.domain;
    const nonce = /nonce="([^"]+)"/.exec(challenge)?.[1] ?? '';
    const response = md5(`${md5(`${options.user}:${realm}:${options.password}`)}:${nonce}:${md5(`REGISTER:${registrar}`)}`);
    reply = await request('REGISTER', registrar, [
      ...registerHeaders,
      `Authorization: Digest username="${options.user}", realm="${realm}", nonce="${nonce}", uri="${registrar}", response="${response}", algorithm=MD5`,
    ]);
  }
  if (reply.status !== 200) throw new Error(`raw phone: REGISTER answered ${reply.startLine}`);

  const dialogTags = new Map<string, string>();
  return {
    port,
    received,
    nextRequest(method, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const waiter = { method, resolve: (m: SipMessage) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          requestWaiters.splice(requestWaiters.indexOf(waiter), 1);
          reject(new Error(`raw phone: no ${method} in ${timeoutMs} ms`));
        }, timeoutMs);
        requestWaiters.push(waiter);
      });
    },
    respond(req, status, reason, { contact: withContact = true, body = '', toTag } = {}) {
      const id = req.header('call-id') ?? '';
      const to = req.header('to') ?? '';
      const ourTag = toTag ?? dialogTags.get(id) ?? randomBytes(4).toString('hex');
      if (req.method === 'INVITE') dialogTags.set(id, ourTag);
      const lines = [
        `SIP/2.0 ${status} ${reason}`,
        ...req.all('via').map((v) => `Via: ${v}`),
        ...req.all('record-route').map((r) => `Record-Route: ${r}`),
        `From: ${req.header('from')}`,
        `To: ${/;tag=/.test(to) || status === 100 ? to : `${to};tag=${ourTag}`}`,
        `Call-ID: ${id}`,
        `CSeq: ${req.header('cseq')}`,
        ...(withContact && status > 100 ? [`Contact: ${contact}`] : []),
        ...(body ? ['Content-Type: application/sdp'] : []),
        `Content-Length: ${Buffer.byteLength(body)}`,
        '',
        body,
      ];
      send(lines.join('\r\n'));
    },
    sdp() {
      const rtpPort = rtp.address().port;
      return ['v=0', `o=raw 1 1 IN IP4 127.0.0.1`, 's=-', 'c=IN IP4 127.0.0.1', 't=0 0', `m=audio ${rtpPort} RTP/AVP 0`, 'a=rtpmap:0 PCMU/8000', 'a=sendrecv', ''].join('\r\n');
    },
    sendTone(peerSdp) {
      const host = /^c=IN IP4 (\S+)/m.exec(peerSdp)?.[1] ?? '127.0.0.1';
      const peerPort = Number(/^m=audio (\d+)/m.exec(peerSdp)?.[1] ?? 0);
      const ssrc = randomBytes(4).readUInt32BE(0);
      let seq = 0;
      let sample = 0;
      const timer = setInterval(() => {
        const packet = Buffer.alloc(12 + 160);
        packet[0] = 0x80;
        packet[1] = seq === 0 ? 0x80 : 0x00; // marker on the first packet, payload type 0 (PCMU)
        packet.writeUInt16BE(seq++ & 0xffff, 2);
        packet.writeUInt32BE((sample >>> 0) & 0xffffffff, 4);
        packet.writeUInt32BE(ssrc, 8);
        for (let i = 0; i < 160; i++, sample++) packet[12 + i] = muLaw(Math.round(8000 * Math.sin((2 * Math.PI * 440 * sample) / 8000)));
        rtp.send(packet, peerPort, host);
      }, 20);
      return () => clearInterval(timer);
    },
    sendInDialog(invite, method, { body = '', headers = [] } = {}) {
      const id = invite.header('call-id') ?? '';
      const ourTag = dialogTags.get(id);
      const remoteContact = /<([^>]+)>/.exec(invite.header('contact') ?? '')?.[1] ?? '';
      // We are the callee: our From is the INVITE's To, our route is its Record-Route as received.
      const routes = invite.all('record-route').flatMap((r) => r.split(/,(?=\s*<)/)).map((r) => `Route: ${r.trim()}`);
      return request(
        method,
        remoteContact,
        [`From: ${invite.header('to')};tag=${ourTag}`, `To: ${invite.header('from')}`, `Call-ID: ${id}`, `Contact: ${contact}`, ...routes, ...headers, ...(body ? ['Content-Type: application/sdp'] : [])],
        body,
      );
    },
    async stop() {
      await new Promise<void>((resolve) => socket.close(() => resolve()));
      await new Promise<void>((resolve) => rtp.close(() => resolve()));
    },
  };
}

/** G.711 μ-law encoding of one 16-bit sample (ITU-T G.711). */
function muLaw(sample: number): number {
  const bias = 0x84;
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(sample), 32635) + bias;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  magnitude = ~(sign | (exponent << 4) | mantissa);
  return magnitude & 0xff;
}
