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
  /** When it arrived (epoch ms, performance.timeOrigin + performance.now(), as pages stamp). */
  receivedAt: number;
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
    receivedAt: performance.timeOrigin + performance.now(),
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
  /** SDP for our audio (plain RTP, PCMU unless told) at this phone's current RTP port. */
  sdp(options?: { codec?: 'PCMU' | 'PCMA' }): string;
  /** Open a new RTP port and use it from now on, as a far end does when it moves mid-call. */
  moveRtpPort(): Promise<void>;
  /** Send a 440 Hz tone in the codec of our last SDP to the address and port in `peerSdp`. */
  sendTone(peerSdp: string): () => void;
  /** Call `user` at the proxy; resolves with the final response and, for a 2xx, the dialog (ACK sent). */
  call(user: string, options?: { body?: string; headers?: string[]; onSent?: (at: number) => void }): Promise<{ response: SipMessage; dialog: RawDialog | null }>;
  /** The dialog our 200 OK to `invite` created (we are the callee). */
  dialogOf(invite: SipMessage): RawDialog;
  /** Send a request inside `dialog`; resolves with its final response (a 2xx to INVITE is ACKed). */
  sendInDialog(dialog: RawDialog, method: string, options?: { body?: string; headers?: string[] }): Promise<SipMessage>;
  stop(): Promise<void>;
}

export interface RawDialog {
  callId: string;
  /** Our side as the From of requests we send in the dialog (with our tag). */
  local: string;
  /** The far side as the To of requests we send (with its tag). */
  remote: string;
  remoteTarget: string;
  routes: string[];
}

export async function startRawUdpPhone(options: { user: string; password: string; kamailio: RunningKamailio }): Promise<RawUdpPhone> {
  const { kamailio } = options;
  if (!kamailio.udpPort) throw new Error('The raw phone needs a Kamailio started with the bridge (UDP) enabled.');
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  const openRtp = async () => {
    const created = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => created.bind(0, '127.0.0.1', () => resolve()));
    created.on('message', () => undefined); // what the desk sends is not analysed here
    return created;
  };
  const rtpSockets = [await openRtp()];
  let rtp = rtpSockets[0]!;
  let codec: 'PCMU' | 'PCMA' = 'PCMU';
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

  const request = (method: string, uri: string, headers: string[], body = '', onSent?: (at: number) => void): Promise<SipMessage> => {
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
      // An INVITE waits for a person to answer; other requests are answered at once.
      const timer = setTimeout(() => reject(new Error(`no final response to ${method}`)), method === 'INVITE' ? 30_000 : 5_000);
      responseWaiters.set(seq, (m) => {
        clearTimeout(timer);
        responseWaiters.delete(seq);
        resolve(m);
      });
      onSent?.(performance.timeOrigin + performance.now());
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
  let version = 0;
  const sendAck = (dialog: RawDialog, seq: number) =>
    send(
      [
        `ACK ${dialog.remoteTarget} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${port};rport;branch=z9hG4bK${randomBytes(6).toString('hex')}`,
        'Max-Forwards: 70',
        `From: ${dialog.local}`,
        `To: ${dialog.remote}`,
        `Call-ID: ${dialog.callId}`,
        `CSeq: ${seq} ACK`,
        ...dialog.routes.map((r) => `Route: ${r}`),
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    );
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
    sdp(options = {}) {
      codec = options.codec ?? codec;
      const pt = codec === 'PCMU' ? 0 : 8;
      version++;
      return [
        'v=0',
        `o=raw 1 ${version} IN IP4 127.0.0.1`,
        's=-',
        'c=IN IP4 127.0.0.1',
        't=0 0',
        `m=audio ${rtp.address().port} RTP/AVP ${pt}`,
        `a=rtpmap:${pt} ${codec}/8000`,
        'a=sendrecv',
        '',
      ].join('\r\n');
    },
    async moveRtpPort() {
      rtp = await openRtp();
      rtpSockets.push(rtp);
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
        const pt = codec === 'PCMU' ? 0 : 8;
        packet[1] = (seq === 0 ? 0x80 : 0x00) | pt; // marker on the first packet
        packet.writeUInt16BE(seq++ & 0xffff, 2);
        packet.writeUInt32BE((sample >>> 0) & 0xffffffff, 4);
        packet.writeUInt32BE(ssrc, 8);
        const encode = codec === 'PCMU' ? muLaw : aLaw;
        for (let i = 0; i < 160; i++, sample++) packet[12 + i] = encode(Math.round(8000 * Math.sin((2 * Math.PI * 440 * sample) / 8000)));
        rtp.send(packet, peerPort, host);
      }, 20);
      return () => clearInterval(timer);
    },
    dialogOf(invite) {
      const id = invite.header('call-id') ?? '';
      return {
        callId: id,
        local: `${invite.header('to')};tag=${dialogTags.get(id)}`,
        remote: invite.header('from') ?? '',
        remoteTarget: /<([^>]+)>/.exec(invite.header('contact') ?? '')?.[1] ?? '',
        routes: splitRoutes(invite.all('record-route')),
      };
    },
    async call(user, { body = '', headers = [], onSent } = {}) {
      const id = `${randomBytes(8).toString('hex')}@127.0.0.1`;
      const from = `<${aor}>;tag=${randomBytes(4).toString('hex')}`;
      const target = `sip:${user}@${kamailio.domain}`;
      const response = await request(
        'INVITE',
        target,
        [`From: ${from}`, `To: <${target}>`, `Call-ID: ${id}`, `Contact: ${contact}`, ...headers, ...(body ? ['Content-Type: application/sdp'] : [])],
        body,
        onSent,
      );
      if (response.status === null || response.status >= 300) return { response, dialog: null };
      const dialog: RawDialog = {
        callId: id,
        local: from,
        remote: response.header('to') ?? '',
        remoteTarget: /<([^>]+)>/.exec(response.header('contact') ?? '')?.[1] ?? target,
        routes: splitRoutes(response.all('record-route')).reverse(),
      };
      sendAck(dialog, Number(/^(\d+)/.exec(response.header('cseq') ?? '')?.[1]));
      return { response, dialog };
    },
    async sendInDialog(dialog, method, { body = '', headers = [] } = {}) {
      const response = await request(
        method,
        dialog.remoteTarget,
        [
          `From: ${dialog.local}`,
          `To: ${dialog.remote}`,
          `Call-ID: ${dialog.callId}`,
          `Contact: ${contact}`,
          ...dialog.routes.map((r) => `Route: ${r}`),
          ...headers,
          ...(body ? ['Content-Type: application/sdp'] : []),
        ],
        body,
      );
      if (method === 'INVITE' && response.status !== null && response.status < 300) {
        sendAck(dialog, Number(/^(\d+)/.exec(response.header('cseq') ?? '')?.[1]));
      }
      return response;
    },
    async stop() {
      await new Promise<void>((resolve) => socket.close(() => resolve()));
      for (const created of rtpSockets) await new Promise<void>((resolve) => created.close(() => resolve()));
    },
  };
}

/** Record-Route values, one URI each (a header may list several, comma-separated). */
function splitRoutes(values: string[]): string[] {
  return values.flatMap((r) => r.split(/,(?=\s*<)/)).map((r) => r.trim());
}

/** G.711 A-law encoding of one 16-bit sample (ITU-T G.711). */
function aLaw(sample: number): number {
  const sign = sample >= 0 ? 0x80 : 0;
  const magnitude = Math.min(Math.abs(sample), 32635);
  let compressed: number;
  if (magnitude < 256) {
    compressed = magnitude >> 4;
  } else {
    let exponent = 7;
    for (let mask = 0x4000; (magnitude & mask) === 0; mask >>= 1) exponent--;
    compressed = (exponent << 4) | ((magnitude >> (exponent + 3)) & 0x0f);
  }
  return (compressed | sign) ^ 0x55;
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
