// Issue 13 for cores built in the test process: the test accounts created through the trusted
// door (core.dispatch as an admin), and cheap scrypt parameters so tests do not spend seconds hashing.
import { createScryptPasswordHasher } from '../../../electron/adapters/secrets/scryptPasswordHasher';
import type { Core } from '../../../electron/core/createCore';
import { testPeople, type TestPerson } from './testPeople';

/** scrypt with N = 2^10: the same code path as the hosts, a thousandth of the work. */
export const cheapPasswordHasher = createScryptPasswordHasher({ N: 1024, r: 8, p: 1 });

export async function addTestPeople(core: Core, people: TestPerson[] = Object.values(testPeople)): Promise<void> {
  for (const person of people) {
    const reply = await core.dispatch(
      'createPerson',
      { userId: person.user, displayName: person.displayName, agentNumber: person.agentNumber ?? '', roles: person.roles, password: person.password },
      { role: 'admin', userId: 'test-setup' },
    );
    if (!reply.ok && reply.error.code !== 'CONFLICT') throw new Error(`createPerson ${person.user}: ${reply.error.message}`);
  }
}

/** The signIn frame text for `person`, for tests that write frames by hand. */
export const signInFrame = (id: number, person: TestPerson) => JSON.stringify({ id, method: 'signIn', payload: { user: person.user, password: person.password } });
