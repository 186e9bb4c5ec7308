// The core's ports over one open store: every repository each feature keeps its data in. Both
// hosts build their core over these (openHostCore), and so do the tests that build whole cores.
import { agentStateTotals } from '../adapters/store/repositories/agentState/agentStateTotals';
import { createStoreAgentStateRepository } from '../adapters/store/repositories/agentState/agentStateRepository';
import { createAuditLogStoreReader } from '../adapters/store/repositories/audit/auditLogReader';
import { createAuditLogStoreRepository } from '../adapters/store/repositories/audit/auditLogRepository';
import { createCallLogStoreRepository } from '../adapters/store/repositories/callLog/callLogRepository';
import { createCallRecordStoreRepository } from '../adapters/store/repositories/callLog/callRecordRepository';
import { createCallSearchStoreRepository } from '../adapters/store/repositories/callSearch/callSearchRepository';
import { createCustomerStoreRepository } from '../adapters/store/repositories/customers/customerRepository';
import { createRetentionStoreRepository } from '../adapters/store/repositories/retention/retentionRepository';
import { createDataStoreAdapter } from '../adapters/store/repositories/dataStore/dataStoreAdapter';
import type { Store } from '../adapters/store/engine/store';
import { createPeopleStoreRepository } from '../adapters/store/repositories/identity/peopleRepository';
import { createScryptPasswordHasher, randomToken } from '../adapters/secrets/scryptPasswordHasher';
import type { CorePorts } from '../core/createCore';

export type StorePorts = Pick<CorePorts, 'agentState' | 'callLog' | 'callSearch' | 'customers' | 'audit' | 'auditReader' | 'dataStore' | 'retention' | 'identity'>;

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
    auditReader: createAuditLogStoreReader(store),
    dataStore: createDataStoreAdapter(store, dataDir, notices),
    retention: createRetentionStoreRepository(store),
    // Accounts live in the store; scrypt and the tokens come with them (tests may pass cheaper hashing).
    identity: { people: createPeopleStoreRepository(store), passwords: createScryptPasswordHasher(), randomToken },
  };
}
