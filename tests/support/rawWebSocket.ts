// Raw TCP peers of the web host, for tests that send what no well-behaved client library would:
// resets, hand-made WebSocket frames, half-open connections, a reader that never reads.
import net from 'node:net';
import type { TestPerson } from './identity/testPeople';
import type { RunningWebHost } from './webHost';

/**
 * Where a host listens and the token it wants: a host process, or a binding a test started.
 * With `person` (a host the harness started), a WebSocket opened here signs in first (issue 13).
 */
export type HostAddress = Pick<RunningWebHost, 'port' | 'token' | 'origin'> & { person?: TestPerson };

export function connectRaw(host: HostAddress): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

/** A WebSocket upgrade request; `token: null` leaves the token out (the refused path). */
export function upgradeRequest(host: HostAddress, options: { token?: string | null } = {}): string {
  const token = options.token === undefined ? host.token : options.token;
  const query = token === null ? '' : `?token=${token}`;
  return [
    `GET /api${query} HTTP/1.1`,
    `Host: 127.0.0.1:${host.port}`,
    `Origin: ${host.origin}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version: 13',
    '',
    '',
  ].join('\r\n');
}

/** A raw socket after a successful handshake (101); everything after that is frames. */
export async function openRawWebSocket(host: HostAddress): Promise<{ socket: net.Socket; received: () => Buffer }> {
  const socket = await connectRaw(host);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  socket.write(upgradeRequest(host));
  const headEnd = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no handshake answer in 5 s')), 5_000);
    const check = () => {
      const index = Buffer.concat(chunks).indexOf('\r\n\r\n');
      if (index < 0) return;
      clearTimeout(timer);
      socket.off('data', check);
      resolve(index + 4);
    };
    socket.on('data', check);
  });
  const head = Buffer.concat(chunks).subarray(0, headEnd).toString();
  if (!head.startsWith('HTTP/1.1 101')) throw new Error(`handshake refused: ${head.split('\r\n')[0]}`);
  // Frames the test sees: everything after the handshake except the harness's own sign-in reply
  // (a ping may come before that reply when signing in is slow, and the test must still see it).
  let hidden: { start: number; end: number } | null = null;
  if (host.person) {
    // Issue 13: sign in (request id 999999999), and hide the reply from the test, which sees what follows.
    const signIn = JSON.stringify({ id: signInId, method: 'signIn', payload: { user: host.person.user, password: host.person.password } });
    socket.write(clientFrame(opcodes.text, Buffer.from(signIn)));
    const until = Date.now() + 10_000;
    for (;;) {
      const reply = replyFrame(Buffer.concat(chunks).subarray(headEnd), signInId);
      if (reply !== null) {
        hidden = { start: headEnd + reply.start, end: headEnd + reply.end };
        break;
      }
      if (Date.now() > until || socket.destroyed) throw new Error('no sign-in reply in 10 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  const visible = (all: Buffer) => (hidden ? Buffer.concat([all.subarray(headEnd, hidden.start), all.subarray(hidden.end)]) : all.subarray(headEnd));
  return { socket, received: () => visible(Buffer.concat(chunks)) };
}

/** Where the server's reply frame to request `id` starts and ends (byte offsets), or null if not there yet. */
function replyFrame(bytes: Buffer, id: number): { start: number; end: number } | null {
  let end = 0;
  for (const frame of serverFrames(bytes)) {
    // Frames are contiguous: this one starts where the previous one ended; its payload is a view of `bytes`.
    const start = end;
    end = frame.payload.byteOffset - bytes.byteOffset + frame.payload.length;
    if (frame.opcode === opcodes.text && frame.payload.toString().startsWith(`{"id":${id},`)) return { start, end };
  }
  return null;
}

/** The id of the harness's own sign-in request on a raw socket (no test uses ids this high). */
const signInId = 999_999_999;

export const opcodes = { text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/**
 * One masked client frame (RFC 6455 §5.2). `declaredLength` claims a payload length other than
 * the bytes sent, as a peer announcing an oversized frame would.
 */
export function clientFrame(opcode: number, payload: Buffer, options: { declaredLength?: number } = {}): Buffer {
  const length = options.declaredLength ?? payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.from([0x80 | opcode, 0x80 | length]);
  } else if (length < 0x10000) {
    header = Buffer.alloc(4);
    header[0] = 0x80 | opcode;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
  const masked = Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!));
  return Buffer.concat([header, mask, masked]);
}

/** The complete frames in unmasked server bytes (the server never masks). */
export function serverFrames(bytes: Buffer): Array<{ opcode: number; payload: Buffer }> {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let offset = 0;
  while (offset + 2 <= bytes.length) {
    let length = bytes[offset + 1]! & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      if (start + 2 > bytes.length) break;
      length = bytes.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > bytes.length) break;
      length = Number(bytes.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > bytes.length) break;
    frames.push({ opcode: bytes[offset]! & 0x0f, payload: bytes.subarray(start, start + length) });
    offset = start + length;
  }
  return frames;
}

/** The code and reason of the server's close frame, or null if none arrived yet. */
export function closeFrameIn(bytes: Buffer): { code: number; reason: string } | null {
  const close = serverFrames(bytes).find((frame) => frame.opcode === opcodes.close && frame.payload.length >= 2);
  return close ? { code: close.payload.readUInt16BE(0), reason: close.payload.subarray(2).toString() } : null;
}

/** Resolves once the socket is closed (by either side), or rejects after `timeoutMs`. */
export function socketClosed(socket: net.Socket, timeoutMs: number): Promise<void> {
  if (socket.destroyed) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
