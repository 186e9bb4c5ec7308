// Every migration, in order. A new one gets the next number, its own file, and a test that
// migrates seeded rows from the version before (tests/integration/electron/adapters/store/migrations/migrations.test.ts).
import { migration001 } from './001_coreTables';
import { migration002 } from './002_intervalStats';
import { migration003 } from './003_search';
import { migration004 } from './004_callCustomerIndex';
import { migration005 } from './005_numberSearch';
import { migration006 } from './006_classificationAmendments';
import { migration007 } from './007_callerIdVerified';
import { migration008 } from './008_accounts';
import { migration009 } from './009_auditChain';
import { migration010 } from './010_retention';
import type { Migration } from './migration';

export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];
export const latestSchemaVersion = migrations.at(-1)!.version;
