// Version 8 belongs to the identity work of issue 13 (accounts), built in parallel; this empty
// stand-in only lets version 9 follow it on this branch. The merge keeps identity's 008 instead.
import type { Migration } from './migration';

export const migration008: Migration = {
  version: 8,
  name: 'reserved for identity (issue 13)',
  statements: [],
};
