// BRANCH-ONLY (h-retention): stand-ins for migrations 8 (identity) and 9 (audit chain), which other
// helpers write in parallel, so that migration 10 (retention) can run on this branch alone. They
// change nothing. The lead drops this file and its two lines in index.ts when merging 008 and 009.
import type { Migration } from './migration';

export const migration008StandIn: Migration = { version: 8, name: 'stand-in for 008 (identity)', statements: [] };
export const migration009StandIn: Migration = { version: 9, name: 'stand-in for 009 (audit chain)', statements: [] };
