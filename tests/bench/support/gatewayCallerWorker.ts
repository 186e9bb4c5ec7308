// The softphone bench's gateway caller, on its own thread (see benchCallers.ts): a scripted SIP UA
// offering WebRTC-profile SDP, answering the bench's requests posted as { id, op, args }.
import { parentPort, workerData } from 'node:worker_threads';
import { SessionState } from 'sip.js';
import { ScriptedUa, type ScriptedCall } from '../../support/sipUa/scriptedUa';
import type { WireEntry } from './benchCallers';

const options = workerData as { server: string; domain: string; user: string; password: string; displayName: string };
const port = parentPort!;
const epochNow = () => performance.timeOrigin + performance.now();

const ua = new ScriptedUa({ ...options, sdpProfile: 'webrtc' });
// Stamp every SIP message where sip.js hands it over or receives it, as the caller page's tap does.
const wire: WireEntry[] = [];
const transport = ua.ua.transport;
const deliver = transport.onMessage;
transport.onMessage = (message: string) => {
  wire.push({ t: epochNow(), dir: 'in', text: message });
  deliver?.(message);
};
const send = transport.send.bind(transport);
transport.send = (message: string) => {
  wire.push({ t: epochNow(), dir: 'out', text: message });
  return send(message);
};

let current: ScriptedCall | null = null;
let stamps = { inviteSentAt: null as number | null, establishedAt: null as number | null };

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gateway caller: no ${what} within ${timeoutMs} ms (state ${current?.state ?? 'no call'})`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const ops = {
  async call(targetUri: string) {
    stamps = { inviteSentAt: null, establishedAt: null };
    const call = await ua.call(targetUri);
    stamps.inviteSentAt = epochNow();
    current = call;
    if (call.state === SessionState.Established) stamps.establishedAt = epochNow();
    call.session.stateChange.addListener((state) => {
      if (state === SessionState.Established && current === call && stamps.establishedAt === null) stamps.establishedAt = epochNow();
    });
  },
  async waitForState(state: 'Established' | 'Terminated', timeoutMs: number) {
    if (!current) throw new Error('gateway caller: no call');
    await withTimeout(state === 'Established' ? current.established : current.terminated, timeoutMs, state);
  },
  stamps: async () => ({ ...stamps }),
  takeWire: async () => wire.splice(0),
  async reset() {
    const call = current;
    current = null;
    if (call && call.state !== SessionState.Terminated) await call.hangUp().catch(() => undefined);
  },
  stop: () => ua.stop(),
};

port.on('message', ({ id, op, args }: { id: number; op: keyof typeof ops; args: unknown[] }) => {
  const run = ops[op] as (...a: unknown[]) => Promise<unknown>;
  run(...args).then(
    (result) => port.postMessage({ id, result }),
    (error: unknown) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});

try {
  await ua.start();
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ failed: error instanceof Error ? error.message : String(error) });
}
