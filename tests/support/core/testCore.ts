// A whole core for tests, as a host builds it: every port present. What a test does not pass in
// comes from a real store in a fresh data dir (or the store it passes) and a real, unregistered
// softphone; fakes replace only what the test says (a clock, settings, a repository).
import { openStore, type Store } from '../../../electron/adapters/store/engine/store';
import { createNodeSoftphonePorts } from '../../../electron/adapters/sip/nodeSoftphonePorts';
import type { AgentStateRepository } from '../../../electron/core/agentState/ports';
import { createCore, type Core, type CorePorts } from '../../../electron/core/createCore';
import type { PlatformPorts } from '../../../electron/core/kernel/platformPorts';
import { createStorePorts } from '../../../electron/host/storePorts';
import { tempDataDir } from '../webHost';
import { cheapPasswordHasher } from '../identity/inProcessPeople';

export interface TestCoreOptions extends PlatformPorts, Partial<Omit<CorePorts, keyof PlatformPorts | 'agentState'>> {
  /** The store the repositories use; without it the core gets its own, closed with the core. */
  store?: Store;
  /** The data dir of the store and the softphone's files (default: a fresh temp dir). */
  dataDir?: string;
  /** Replaces the store's agent-state repository (totals still come from the store). */
  agentStates?: AgentStateRepository;
}

export async function createTestCore(options: TestCoreOptions): Promise<Core> {
  const { store: given, dataDir: givenDir, agentStates, ...overrides } = options;
  const dataDir = givenDir ?? tempDataDir('deskline-core-');
  const store = given ?? (await openStore({ dataDir }));
  const fromStore = createStorePorts(store, dataDir, options.hostInfo.userId);
  const ports: CorePorts = {
    ...fromStore,
    identity: { ...fromStore.identity, passwords: cheapPasswordHasher },
    softphone: createNodeSoftphonePorts({ dataDir, clock: options.clock, logger: options.logger }),
    ...overrides,
    agentState: agentStates ? { ...fromStore.agentState, repository: agentStates } : fromStore.agentState,
  };
  try {
    const core = await createCore(ports);
    if (given) return core;
    return {
      ...core,
      close: async () => {
        await core.close();
        await store.close();
      },
    };
  } catch (error) {
    if (!given) await store.close();
    throw error;
  }
}
