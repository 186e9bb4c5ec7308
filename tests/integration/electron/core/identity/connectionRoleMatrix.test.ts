// Issue 13 role matrix: every contract method called by every role through a connection signed in
// as a person holding that one role; the main process refuses exactly the roles the contract does
// not list (FORBIDDEN, before the payload is even read). Signed out, everything but the session
// methods and getAppInfo is UNAUTHENTICATED; locked, everything the lock screen does not need is LOCKED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, methodNames, type MethodName } from '../../../../../shared/contract/api';
import { sessionMethodNames } from '../../../../../shared/contract/identity';
import { roles } from '../../../../../shared/contract/roles';
import { methodsWhileLocked, methodsWithoutSession } from '../../../../../electron/core/identity/connection';
import { identityCore, valueOf, type TestConnection } from '../../../../support/identity/identityCore';
import { addTestPeople } from '../../../../support/identity/inProcessPeople';
import { testPeople } from '../../../../support/identity/testPeople';

let world: Awaited<ReturnType<typeof identityCore>>;
beforeAll(async () => {
  world = await identityCore();
  await addTestPeople(world.core);
});
afterAll(async () => {
  await world?.close();
});

const isSessionMethod = (m: MethodName) => (sessionMethodNames as readonly string[]).includes(m);
const ordinaryMethods = methodNames.filter((m) => !isSessionMethod(m));
// A payload no method accepts: an allowed role gets VALIDATION (or a refusal of state), never FORBIDDEN.
const payload = { notAField: true };

async function signedIn(role: (typeof roles)[number]): Promise<TestConnection> {
  const connection = world.connect();
  valueOf(await connection.request('signIn', { user: testPeople[role].user, password: testPeople[role].password }));
  return connection;
}

describe('role matrix (every method × every role)', () => {
  for (const role of roles) {
    it(`as ${role}: FORBIDDEN exactly where the contract does not list ${role}`, async () => {
      const connection = await signedIn(role);
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const method of ordinaryMethods) {
        const reply = await connection.request(method, payload);
        outcome[method] = !reply.ok && reply.error.code === 'FORBIDDEN' ? 'FORBIDDEN' : 'allowed';
        expected[method] = api[method].roles.includes(role) ? 'allowed' : 'FORBIDDEN';
      }
      expect(outcome).toEqual(expected);
      connection.close();
    });
  }
});

describe('signed out and locked', () => {
  it('signed out: only the session methods and getAppInfo answer; everything else is UNAUTHENTICATED', async () => {
    const connection = world.connect();
    for (const method of ordinaryMethods) {
      const reply = await connection.request(method, payload);
      const code = reply.ok ? 'ok' : reply.error.code;
      if (methodsWithoutSession.has(method)) expect(code, method).not.toBe('UNAUTHENTICATED');
      else expect(code, method).toBe('UNAUTHENTICATED');
    }
  });

  it('locked: what the lock screen and a live call need still runs; the rest is LOCKED', async () => {
    const connection = await signedIn('agent');
    valueOf(await connection.request('lockSession'));
    for (const method of ordinaryMethods) {
      const reply = await connection.request(method, payload);
      const code = reply.ok ? 'ok' : reply.error.code;
      if (methodsWhileLocked.has(method)) expect(code, method).not.toBe('LOCKED');
      else expect(code, method).toBe('LOCKED');
    }
    // S-6: none of what stays open reads notes or customer records.
    for (const method of methodsWhileLocked) expect(method).not.toMatch(/Customer|Note|search|export|CallLists|Record/i);
  });
});
