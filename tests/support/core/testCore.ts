// A whole core for tests, as a host builds it: every port present. Without a `store` the
// store-backed ports are in-memory fakes (tests/support/core/memoryPorts.ts), so a unit test
// builds a core in milliseconds; with one, they are the real repositories over it (integration
// tests: never fake the database where the real one can run). The softphone is the real sip.js
// adapter, unregistered until a test saves an account. A test replaces any port by passing it.
import type { Store } from '../../../electron/adapters/store/engine/store';
import { createNodeSoftphonePorts } from '../../../electron/adapters/sip/nodeSoftphonePorts';
import type { AgentStateRepository } from '../../../electron/core/agentState/ports';
import { createCore, type Core, type CorePorts } from '../../../electron/core/createCore';
import type { PlatformPorts } from '../../../electron/core/kernel/platformPorts';
import { createStorePorts } from '../../../electron/host/storePorts';
import { tempDataDir } from '../webHost';
import { cheapPasswordHasher } from '../identity/inProcessPeople';
import { createMemoryPorts } from './memoryPorts';

export interface TestCoreOptions extends PlatformPorts, Partial<Omit<CorePorts, keyof PlatformPorts | 'agentState'>> {
  /** The store the repositories use; without it they are in-memory fakes. */
  store?: Store;
  /** The data dir of the store and the softphone's files (default: a fresh temp dir). */
  dataDir?: string;
  /** Replaces the agent-state repository (totals still come from the store or the fake). */
  agentStates?: AgentStateRepository;
}

export async function createTestCore(options: TestCoreOptions): Promise<Core> {
  const { store, dataDir: givenDir, agentStates, ...overrides } = options;
  const dataDir = givenDir ?? tempDataDir('deskline-core-');
  const backing = store ? createStorePorts(store, dataDir, options.hostInfo.userId) : createMemoryPorts();
  return createCore({
    ...backing,
    // The same scrypt code as the hosts with a thousandth of the work: tests sign in a lot.
    identity: { ...backing.identity, passwords: cheapPasswordHasher },
    softphone: createNodeSoftphonePorts({ dataDir, clock: options.clock, logger: options.logger }),
    ...overrides,
    agentState: agentStates ? { ...backing.agentState, repository: agentStates } : backing.agentState,
  });
}
