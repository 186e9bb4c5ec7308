// Harness side of issue 13 for a running web host: creates the first admin from the printed setup
// code (or signs in as that admin when the data dir is already set up), creates the accounts the
// tests use, and mints a session for the person a test acts as. Everything goes through the
// contract over a real WebSocket, as a person at a browser would.
import WebSocket from 'ws';
import type { Role } from '../../../shared/contract/roles';
import { setupCodeFrom, testPeople, type TestPerson } from './testPeople';

interface HostLike {
  port: number;
  token: string;
  origin: string;
  stderr(): string;
}

type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** A bare contract socket with request/reply only (the full test client is contractSocket.ts). */
export async function openRequestSocket(host: Pick<HostLike, 'port' | 'token' | 'origin'>) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api?token=${host.token}`, { origin: host.origin });
  const waiting = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as { id?: number; reply?: Reply };
    if (frame.id !== undefined) waiting.get(frame.id)?.(frame.reply!);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    request: (method: string, payload: unknown) =>
      new Promise<Reply>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, payload }));
      }),
    close: () => ws.close(),
  };
}

function expectOk(reply: Reply, what: string): unknown {
  if (!reply.ok) throw new Error(`${what} failed: ${reply.error?.code} ${reply.error?.message}`);
  return reply.value;
}

/** Data dirs this test process has provisioned: their accounts are in the store, a restart needs none. */
const provisioned = new Set<string>();

/** First admin (setup code) + one account per role; safe to run again on a data dir already set up. */
export async function provisionPeople(host: HostLike & { dataDir?: string }, extra: TestPerson[] = []): Promise<void> {
  if (host.dataDir && extra.length === 0 && provisioned.has(host.dataDir)) return;
  await provision(host, extra);
  if (host.dataDir) provisioned.add(host.dataDir);
}

async function provision(host: HostLike, extra: TestPerson[]): Promise<void> {
  const socket = await openRequestSocket(host);
  try {
    const admin = testPeople.admin;
    const session = expectOk(await socket.request('getSession', {}), 'getSession') as { state: string };
    if (session.state === 'setupRequired') {
      // stderr is its own pipe: the line printed before the ready line may still be on its way.
      const until = Date.now() + 5_000;
      while (!setupCodeFrom(host.stderr()) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      const code = setupCodeFrom(host.stderr());
      if (!code) throw new Error(`the host needs its first admin but printed no setup code:\n${host.stderr()}`);
      expectOk(await socket.request('setupFirstAdmin', { setupCode: code, user: admin.user, displayName: admin.displayName, password: admin.password }), 'setupFirstAdmin');
    } else {
      expectOk(await socket.request('signIn', { user: admin.user, password: admin.password }), 'signIn as the first admin');
    }
    const people = [...Object.values(testPeople).filter((p) => p !== admin), ...extra];
    for (const person of people) {
      const reply = await socket.request('createPerson', {
        userId: person.user,
        displayName: person.displayName,
        agentNumber: person.agentNumber ?? '',
        roles: person.roles,
        password: person.password,
      });
      if (!reply.ok && reply.error?.code !== 'CONFLICT') expectOk(reply, `createPerson ${person.user}`);
    }
    await socket.request('signOut', {});
  } finally {
    socket.close();
  }
}

/** Signs `person` in on a throw-away connection and returns the session's resume token (for a page). */
export async function resumeTokenFor(host: Pick<HostLike, 'port' | 'token' | 'origin'>, person: TestPerson): Promise<string> {
  const socket = await openRequestSocket(host);
  try {
    const value = expectOk(await socket.request('signIn', { user: person.user, password: person.password }), `signIn ${person.user}`) as { resumeToken: string };
    return value.resumeToken;
  } finally {
    socket.close();
  }
}

/** Takes the old `--role <role>` out of a host's arguments: it now names the person the test acts as. */
export function takeRoleArgument(args: readonly string[]): { args: string[]; role: Role } {
  const rest = [...args];
  const at = rest.indexOf('--role');
  if (at < 0) return { args: rest, role: 'agent' };
  const [, role] = rest.splice(at, 2);
  if (!role || !(role in testPeople)) throw new Error(`unknown test role ${String(role)}`);
  return { args: rest, role: role as Role };
}
