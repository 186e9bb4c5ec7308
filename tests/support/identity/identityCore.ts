// A whole core on a fake clock for identity tests, and connections to it as a host makes them
// (Core.connect): each with the events it was sent and a request() that answers the envelope.
import { openStore } from '../../../electron/adapters/store/engine/store';
import type { Core } from '../../../electron/core/createCore';
import type { Envelope } from '../../../shared/contract/envelope';
import { createTestCore } from '../core/testCore';
import { FakeClock } from '../fakeClock';
import { MemorySettings, silentLogger } from '../softphone/softphoneFixtures';
import { tempDataDir } from '../webHost';

export interface TestConnection {
  request(method: string, payload?: unknown): Promise<Envelope<unknown>>;
  events: Array<{ event: string; payload: unknown }>;
  close(): void;
}

export async function identityCore(options: { userId?: string } = {}) {
  const clock = new FakeClock();
  const settings = new MemorySettings();
  const dataDir = tempDataDir('deskline-identity-');
  const store = await openStore({ dataDir });
  const core: Core = await createTestCore({
    store,
    dataDir,
    clock,
    settings,
    logger: silentLogger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId: options.userId ?? 'local' },
  });
  const connect = (trustedForSetup = false): TestConnection => {
    const events: TestConnection['events'] = [];
    const connection = core.connect((event, payload) => events.push({ event, payload }), { trustedForSetup });
    return { request: (method, payload = {}) => connection.dispatch(method, payload), events, close: () => connection.close() };
  };
  const close = async () => {
    await core.close();
    await store.close();
  };
  /** The audit actions recorded so far, oldest first. */
  const auditActions = async () => (await store.query('SELECT action FROM audit_log ORDER BY id')).map((r) => String(r.action));
  return { core, store, clock, settings, connect, close, auditActions };
}

/** The value of an envelope that must be ok. */
export function valueOf<T>(reply: Envelope<unknown>): T {
  if (!reply.ok) throw new Error(`expected ok, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}
