// A whole core over a real store in a fresh data dir, its phone registered as 1001 with a harness
// Kamailio and the renderer's media answered statically: the set-up of the integration tests that
// follow real calls into the store (clocks, call log, screen pop).
import { openStore, type Store } from '../../../electron/adapters/store/engine/store';
import type { Core } from '../../../electron/core/createCore';
import { createTestCore } from './testCore';
import type { CallerContext } from '../../../electron/core/kernel/caller';
import { systemClock } from '../../../electron/core/kernel/systemClock';
import type { RunningKamailio } from '../kamailio/kamailioHarness';
import { tempDataDir } from '../webHost';
import { answerMediaRequestsStatically, EventRecorder, MemorySettings, silentLogger } from '../softphone/softphoneFixtures';

export interface CoreOnStore {
  core: Core;
  store: Store;
  events: EventRecorder;
  /** The local agent, as the host's caller context. */
  agent: CallerContext;
  close(): Promise<void>;
}

/** The agent is 1001 / agent-secret. */
export async function startCoreOnStore(
  kamailio: RunningKamailio,
  options: { userId?: string; dataDirPrefix?: string } = {},
): Promise<CoreOnStore> {
  const userId = options.userId ?? 'local';
  const agent: CallerContext = { role: 'agent', userId };
  const dataDir = tempDataDir(options.dataDirPrefix ?? 'deskline-core-');
  const store = await openStore({ dataDir });
  const core = await createTestCore({
    clock: systemClock,
    settings: new MemorySettings(),
    agentStates: { load: async () => null, save: async () => undefined },
    logger: silentLogger,
    hostInfo: { host: 'web', version: 'test', languageOverride: null, role: 'agent', userId },
    store,
    dataDir,
  });
  const events = new EventRecorder(core.eventHub);
  answerMediaRequestsStatically(core, agent);
  const registered = events.waitFor((r) => r.event === 'onRegistrationChanged' && r.payload.kind === 'registered', 'registered');
  const saved = await core.dispatch(
    'saveSoftphoneSettings',
    { serverUrl: kamailio.url, sipUri: `sip:1001@${kamailio.domain}`, authUser: '1001', displayName: 'Agent', iceServers: [], declineCode: 603, dtmfMode: 'rfc4733', rejectCallWaiting: false, password: 'agent-secret' },
    agent,
  );
  if (!saved.ok) throw new Error(`saveSoftphoneSettings: ${saved.error.message}`);
  await registered;
  return {
    core,
    store,
    events,
    agent,
    close: async () => {
      await core.close();
      await store.close();
    },
  };
}
