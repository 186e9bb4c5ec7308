// A raw WebSocket client of the web host's contract binding, for tests that speak the wire
// protocol directly (as an untrusted page could). Issue 13: it signs in as the host's default
// person first (`as` picks another role or person; `as: null` stays signed out).
import WebSocket from 'ws';
import type { Role } from '../../shared/contract/roles';
import { testPeople, type TestPerson } from './identity/testPeople';
import type { RunningWebHost } from './webHost';

export interface ContractSocket {
  request(method: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  sendRaw(text: string): Promise<unknown>;
  events: Array<{ event: string; payload: unknown }>;
  close(): void;
  /** Resolves when the socket has closed (either side). */
  closed: Promise<void>;
}

export async function openContractSocket(host: RunningWebHost, options: { token?: string | null; origin?: string; as?: Role | TestPerson | null } = {}): Promise<ContractSocket> {
  const socket = await openSocket(host, options);
  const who = options.as === undefined ? host.person : typeof options.as === 'string' ? testPeople[options.as] : options.as;
  if (who) {
    // A socket the host sends away (over its cap) never answers: hand it back as it is, as before.
    const reply = await Promise.race([socket.request('signIn', { user: who.user, password: who.password }), socket.closed.then(() => null)]);
    if (reply && !reply.ok) throw new Error(`could not sign in as ${who.user}: ${reply.error?.code} ${reply.error?.message}`);
  }
  return socket;
}

function openSocket(host: RunningWebHost, options: { token?: string | null; origin?: string }): Promise<ContractSocket> {
  const token = options.token === undefined ? host.token : options.token;
  const query = token === null ? '' : `?token=${token}`;
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, {
    origin: options.origin ?? host.origin,
    allowSynchronousEvents: false,
  });
  const waiting = new Map<number, (reply: never) => void>();
  const rawWaiters: Array<(frame: unknown) => void> = [];
  const events: ContractSocket['events'] = [];
  let nextId = 1;
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { id?: number; reply?: never; event?: string; payload?: unknown };
    if (frame.event) events.push({ event: frame.event, payload: frame.payload });
    else if (frame.id !== undefined && waiting.has(frame.id)) {
      waiting.get(frame.id)!(frame.reply!);
      waiting.delete(frame.id);
    } else rawWaiters.shift()?.(frame);
  });
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        request: (method, payload) =>
          new Promise((res) => {
            const id = nextId++;
            waiting.set(id, res as never);
            ws.send(JSON.stringify({ id, method, payload }));
          }),
        sendRaw: (text) =>
          new Promise((res) => {
            rawWaiters.push(res);
            ws.send(text);
          }),
        events,
        close: () => ws.close(),
        closed: new Promise<void>((done) => ws.once('close', () => done())),
      }),
    );
  });
}
