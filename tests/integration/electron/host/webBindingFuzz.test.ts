// Issue 12, fuzzing the WebSocket binding's framing against the real built web host: hundreds of
// generated frames (random bytes as binary or text, random JSON, frames with wrong ids, unknown
// methods, hostile payloads, deep nesting, near the size limit). Each gets exactly one answer, a
// protocol error or a reply envelope, and the host stays up and keeps serving.
// Reproduce a failure with DESKLINE_FUZZ_SEED=<the seed printed>.
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methodNames } from '../../../../shared/contract/api';
import { maxFrameBytes, protocolErrorFrameSchema, replyFrameSchema, clientFrameSchema } from '../../../../shared/contract/wire';
import { fuzzParameters } from '../../../support/contractFuzz/fuzzParameters';
import { hostileValue } from '../../../support/contractFuzz/malformedPayloads';
import { openRawFrameSocket, type RawFrameSocket } from '../../../support/contractFuzz/rawFrameSocket';
import { openContractSocket } from '../../../support/contractSocket';
import { startWebHost, type RunningWebHost } from '../../../support/webHost';


interface Frame {
  data: string | Buffer;
  binary: boolean;
}

/** JSON text; values JSON cannot hold (undefined, NaN, BigInt…) become what JSON.stringify makes of them. */
const jsonText = (value: unknown) => {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
  } catch {
    return 'null';
  }
};

const frameShaped = fc
  .record({
    id: fc.oneof(fc.nat(), fc.integer({ min: -5, max: -1 }), fc.double(), fc.string({ maxLength: 4 }), fc.constant(null), fc.constant(2 ** 53 + 1)),
    method: fc.oneof(fc.constantFrom(...methodNames), fc.string({ maxLength: 20 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'x'.repeat(101))),
    payload: fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileValue),
  }, { requiredKeys: [] })
  .map((frame): Frame => ({ data: jsonText(frame), binary: false }));

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** Every kind of frame a peer can send that is valid UTF-8 text or binary, within the frame size limit. */
const frames: fc.Arbitrary<Frame> = fc.oneof(
  { arbitrary: frameShaped, weight: 6 },
  { arbitrary: fc.uint8Array({ maxLength: 512 }).map((bytes): Frame => ({ data: Buffer.from(bytes), binary: true })), weight: 2 },
  { arbitrary: fc.json({ maxDepth: 4 }).map((text): Frame => ({ data: text, binary: false })), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text): Frame => ({ data: text, binary: false })), weight: 2 },
  {
    arbitrary: fc.constantFrom<Frame>(
      { data: '', binary: false },
      { data: 'null', binary: false },
      { data: '{"id":1,"method":"getAppInfo","payload":{}', binary: false },
      { data: '{"__proto__":{"id":1},"method":"getAppInfo","payload":{}}', binary: false },
      { data: '{"id":1,"method":"saveCustomer","payload":{"__proto__":{"polluted":1},"name":"x","numbers":[],"consent":true}}', binary: false },
      { data: deep(50_000), binary: false },
      { data: '['.repeat(200_000), binary: false },
      { data: JSON.stringify({ id: 3, method: 'searchCustomers', payload: { query: 'x'.repeat(maxFrameBytes - 200) } }), binary: false },
      { data: JSON.stringify({ id: 4, method: 'getAppInfo', payload: {}, extra: 'x'.repeat(1000) }), binary: false },
    ),
    weight: 1,
  },
).filter((frame) => Buffer.byteLength(frame.data) <= maxFrameBytes);

function expectedAnswer(frame: Frame): 'reply' | 'protocolError' {
  if (frame.binary) return 'protocolError';
  try {
    return clientFrameSchema.safeParse(JSON.parse(frame.data as string)).success ? 'reply' : 'protocolError';
  } catch {
    return 'protocolError';
  }
}

let host: RunningWebHost;
beforeAll(async () => {
  host = await startWebHost({ lang: 'en' });
});
afterAll(async () => {
  await host?.stop();
});

async function expectHostServing(): Promise<void> {
  expect(host.process.exitCode, `the web host exited; stderr: ${host.stderr()}`).toBeNull();
  const socket = await openContractSocket(host);
  expect(await socket.request('getAppInfo', {})).toMatchObject({ ok: true });
  socket.close();
}

describe('web binding framing fuzz', () => {
  it('answers 400 generated frames, each with one protocol error or one reply, and stays up', async () => {
    let socket: RawFrameSocket = await openRawFrameSocket(host);
    await fc.assert(
      fc.asyncProperty(frames, async (frame) => {
        if (!socket.isOpen()) socket = await openRawFrameSocket(host);
        const answer = await socket.exchange(frame.data, { binary: frame.binary });
        if (expectedAnswer(frame) === 'reply') expect(replyFrameSchema.safeParse(answer).success, JSON.stringify(answer).slice(0, 300)).toBe(true);
        else expect(protocolErrorFrameSchema.parse(answer).protocolError.code).toBe('VALIDATION');
      }),
      fuzzParameters(400),
    );
    expect(socket.unexpected).toEqual([]);
    socket.close();
    await expectHostServing();
  });

  it('survives 60 frames the WebSocket layer itself refuses (invalid UTF-8, over the size limit, broken framing)', async () => {
    await fc.assert(
      fc.asyncProperty(refusedByTheSocketLayer, async (attempt) => {
        await attempt.send(host);
        // Still serving: the page answers (a dead host refuses the connection).
        const status = await fetch(host.url).then((r) => r.status, (error: unknown) => String(error));
        expect(status, `after ${attempt.label} the web host stopped serving; stderr: ${host.stderr().slice(-1500)}`).toBe(200);
      }),
      fuzzParameters(60),
    );
    await expectHostServing();
  });
});

interface Attempt {
  label: string;
  [fc.toStringMethod]: () => string;
  send(host: RunningWebHost): Promise<void>;
}

/** Sends one frame on a fresh socket; the host may answer or close that socket, but must stay up. */
const frameAttempt = (label: string, data: Buffer): Attempt => ({
  label,
  [fc.toStringMethod]: () => label,
  send: async (target) => {
    const socket = await openRawFrameSocket(target, 5_000);
    await socket.exchange(data, { binary: false }).catch(() => undefined);
    socket.close();
    await Promise.race([socket.closed, new Promise((resolve) => setTimeout(resolve, 1_000))]);
  },
});

/** Completes a real upgrade on a TCP socket, then writes bytes that are no WebSocket framing at all. */
const rawAttempt = (label: string, bytes: Buffer): Attempt => ({
  label,
  [fc.toStringMethod]: () => `${label}: ${bytes.toString('hex').slice(0, 80)}`,
  send: (target) =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(target.port, '127.0.0.1');
      let upgraded = false;
      const finish = () => {
        socket.destroy();
        resolve();
      };
      socket.on('error', finish);
      socket.on('close', finish);
      socket.setTimeout(5_000, () => reject(new Error(`no upgrade answer for ${label}`)));
      socket.on('data', (data) => {
        if (upgraded) return;
        upgraded = true;
        if (!data.toString().startsWith('HTTP/1.1 101')) return reject(new Error(`upgrade refused: ${data.toString().split('\r\n')[0]}`));
        socket.write(bytes);
        setTimeout(finish, 300);
      });
      socket.write(
        `GET /api?token=${target.token} HTTP/1.1\r\nHost: 127.0.0.1:${target.port}\r\nOrigin: ${target.origin}\r\n` +
          'Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      );
    }),
});

const refusedByTheSocketLayer: fc.Arbitrary<Attempt> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => frameAttempt('a text frame of random bytes', Buffer.from([0xc3, 0x28, ...bytes]))),
  fc.integer({ min: 1, max: 4096 }).map((extra) => frameAttempt(`a text frame ${extra} bytes over the limit`, Buffer.alloc(maxFrameBytes + extra, 0x61))),
  fc.uint8Array({ minLength: 1, maxLength: 256 }).map((bytes) => rawAttempt('random bytes after the upgrade', Buffer.from(bytes))),
);
