// The core's ports over one open store: every repository each feature keeps its data in. Both
// hosts build their core over these (openHostCore), and so do the tests that build whole cores.
import { agentStateTotals } from '../adapters/database/agentStateQueries';
import { createStoreAgentStateRepository } from '../adapters/database/agentStateStoreRepository';
import { createAuditLogStoreRepository } from '../adapters/database/auditLogStoreRepository';
import { createCallLogStoreRepository } from '../adapters/database/callLogStoreRepository';
import { createCallRecordStoreRepository } from '../adapters/database/callRecordStoreRepository';
import { createCallSearchStoreRepository } from '../adapters/database/callSearchQueries';
import { createCustomerStoreRepository } from '../adapters/database/customerStoreRepository';
import { createDataStoreAdapter } from '../adapters/database/dataStoreAdapter';
import type { Store } from '../adapters/database/store';
import type { CorePorts } from '../core/createCore';

export type StorePorts = Pick<CorePorts, 'agentState' | 'callLog' | 'callSearch' | 'customers' | 'audit' | 'dataStore'>;

/** `notices`: what the host has to tell about the store (a restore applied at start). */
export function createStorePorts(store: Store, dataDir: string, userId: string, notices: string[] = []): StorePorts {
  return {
    agentState: {
      repository: createStoreAgentStateRepository(store, userId),
      totals: (fromWall, toWall) => agentStateTotals(store, fromWall, toWall),
    },
    callLog: { writes: createCallLogStoreRepository(store), records: createCallRecordStoreRepository(store) },
    callSearch: createCallSearchStoreRepository(store),
    customers: createCustomerStoreRepository(store),
    audit: createAuditLogStoreRepository(store),
    dataStore: createDataStoreAdapter(store, dataDir, notices),
  };
}
