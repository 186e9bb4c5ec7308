// Issue 13, sessions per connection over a real core and store on a fake clock: first-admin setup
// with the one-time code, growing delays after failed sign-ins, idle and on-demand lock (the phone
// keeps working, customer data does not), unlock by the same person only, sign-out everywhere,
// and no password in any reply, event or audit row.
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../../../../shared/contract/identity';
import { identityCore, valueOf } from '../../../../support/identity/identityCore';
import { addTestPeople } from '../../../../support/identity/inProcessPeople';
import { testPeople } from '../../../../support/identity/testPeople';

const worlds: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
});

async function setUp() {
  const world = await identityCore();
  worlds.push(world);
  return world;
}

async function withPeople() {
  const world = await setUp();
  await addTestPeople(world.core);
  return world;
}

const signIn = (who: { user: string; password: string }) => ({ user: who.user, password: who.password });

describe('first start', () => {
  it('asks for the first admin; only the printed setup code (or a trusted window) creates one, once', async () => {
    const { core, connect } = await setUp();
    const page = connect();
    expect(valueOf<SessionView>(await page.request('getSession')).state).toBe('setupRequired');
    expect((await page.request('getCustomer', { customerId: 'x' })) as unknown).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const code = await core.identity.setupCode();
    expect(code).toMatch(/^[\w-]{8}$/);
    const admin = { user: 'zhou', displayName: 'Admin Zhou', password: 'a long password' };
    expect(await page.request('setupFirstAdmin', { ...admin, setupCode: 'guessed' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = valueOf<{ session: SessionView; resumeToken: string }>(await page.request('setupFirstAdmin', { ...admin, setupCode: code }));
    expect(done.session).toMatchObject({ state: 'signedIn', person: { userId: 'zhou', roles: ['admin'] } });
    expect(await core.identity.setupCode()).toBeNull();
    expect(await connect(true).request('setupFirstAdmin', { ...admin, user: 'other', setupCode: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(valueOf<SessionView>(await connect().request('getSession')).state).toBe('signedOut');
  });
});

describe('sign-in', () => {
  it('waits longer after each failure past the second (fake clock), refuses even the right password meanwhile, and audits every try', async () => {
    const { clock, connect, auditActions } = await withPeople();
    const page = connect();
    const wrong = { user: 'agent', password: 'not it at all' };
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const reply = await page.request('signIn', wrong);
      codes.push(reply.ok ? 'ok' : reply.error.code);
    }
    expect(codes).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
    const throttled = await page.request('signIn', signIn(testPeople.agent));
    expect(throttled).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('wait 1 s') } });
    clock.advance(1000);
    expect(await page.request('signIn', wrong)).toMatchObject({ ok: false, error: { message: expect.stringContaining('Wait 2 s') } });
    clock.advance(1999);
    expect(await page.request('signIn', signIn(testPeople.agent))).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    clock.advance(1);
    const ok = valueOf<{ session: SessionView }>(await page.request('signIn', signIn(testPeople.agent)));
    expect(ok.session).toMatchObject({ state: 'signedIn', person: { userId: 'agent', displayName: 'Agent Li', agentNumber: '1001', roles: ['agent'] } });
    // Another name was never throttled by these.
    expect((await connect().request('signIn', signIn(testPeople.qa))).ok).toBe(true);
    const audit = await auditActions();
    expect(audit.filter((a) => a === 'identity.signInFailed')).toHaveLength(4);
    expect(audit.filter((a) => a === 'identity.signIn')).toHaveLength(2);
  });

  it('refuses a disabled person, and disabling someone ends their open sessions', async () => {
    const { core, connect } = await withPeople();
    const page = connect();
    valueOf(await page.request('signIn', signIn(testPeople.agent)));
    valueOf(await core.dispatch('updatePerson', { userId: 'agent', status: 'disabled' }, { role: 'admin', userId: 'admin' }));
    await settle();
    expect(page.events.at(-1)).toEqual({ event: 'onSessionChanged', payload: expect.objectContaining({ state: 'signedOut' }) });
    expect(await page.request('getAgentState')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await page.request('signIn', signIn(testPeople.agent))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('lock', () => {
  it('locks after the idle time set by an admin; the phone still answers, customer data does not, until the same person unlocks', async () => {
    const { core, clock, connect, auditActions } = await withPeople();
    valueOf(await core.dispatch('saveIdentitySettings', { idleLockMinutes: 1 }, { role: 'admin', userId: 'admin' }));
    const page = connect();
    valueOf(await page.request('signIn', signIn(testPeople.agent)));
    clock.advance(59_000);
    valueOf(await page.request('getAgentState')); // activity: the minute starts again
    clock.advance(59_000);
    valueOf(await page.request('searchCustomers', { query: '王' }));
    clock.advance(60_000);
    await settle();
    expect(page.events.at(-1)).toEqual({ event: 'onSessionChanged', payload: expect.objectContaining({ state: 'locked' }) });
    expect(await page.request('searchCustomers', { query: '王' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await page.request('listNoteRevisions', { callId: 'c1' })).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // What a ringing or live call needs keeps working.
    expect((await page.request('getSoftphoneState')).ok).toBe(true);
    expect(await page.request('completeMediaRequest', { requestId: 'none', ok: false, error: 'x' })).not.toMatchObject({ error: { code: 'LOCKED' } });
    // Someone else's password does not unlock it; the person's own does.
    expect(await page.request('unlockSession', { password: testPeople.teamLead.password })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(valueOf<SessionView>(await page.request('unlockSession', { password: testPeople.agent.password })).state).toBe('signedIn');
    expect((await page.request('searchCustomers', { query: '王' })).ok).toBe(true);
    expect(await auditActions()).toEqual(expect.arrayContaining(['identity.lock', 'identity.unlockFailed', 'identity.unlock']));
  });

  it('locks on demand and hides screen pops and call lists from the locked connection', async () => {
    const { core, connect } = await withPeople();
    const page = connect();
    valueOf(await page.request('signIn', signIn(testPeople.agent)));
    expect(valueOf<SessionView>(await page.request('lockSession')).state).toBe('locked');
    core.eventHub.emit('onCallListsChanged', { missed: [], declined: [], unseenMissed: 0 } as never);
    core.eventHub.emit('onAgentStateChanged', valueOf(await core.dispatch('getAgentState', {}, { role: 'agent', userId: 'local' })) as never);
    expect(page.events.map((e) => e.event)).toEqual(['onSessionChanged', 'onAgentStateChanged']);
  });
});

describe('sessions per connection', () => {
  it('a resumed connection shares the session; signing out on one signs out both; a closed tab does not end it', async () => {
    const { connect } = await withPeople();
    const first = connect();
    const { resumeToken } = valueOf<{ resumeToken: string }>(await first.request('signIn', signIn(testPeople.teamLead)));
    first.close(); // the page reloads
    const reloaded = connect();
    expect(valueOf<SessionView>(await reloaded.request('resumeSession', { resumeToken })).person?.userId).toBe('teamlead');
    const second = connect();
    valueOf(await second.request('resumeSession', { resumeToken }));
    const other = connect();
    valueOf(await other.request('signIn', signIn(testPeople.qa)));
    valueOf(await reloaded.request('signOut'));
    expect(second.events).toEqual([{ event: 'onSessionChanged', payload: expect.objectContaining({ state: 'signedOut' }) }]);
    expect(await second.request('getAgentState')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await connect().request('resumeSession', { resumeToken })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The QA person on another connection is untouched.
    expect(valueOf<SessionView>(await other.request('getSession')).person?.userId).toBe('qa');
  });

  it('a person with several roles acts in the one that may see the most that the method allows', async () => {
    const { core, connect } = await setUp();
    const leadAndAgent = { user: 'wang', password: 'wang password', displayName: 'Wang', roles: ['agent' as const, 'teamLead' as const] };
    await addTestPeople(core, [leadAndAgent]);
    const page = connect();
    valueOf(await page.request('signIn', signIn(leadAndAgent)));
    // setAgentState is agent-only: allowed; getAgentStateTotals is team-lead: allowed; backupNow: team lead.
    expect((await page.request('setAgentState', { state: { kind: 'ready' } })).ok).toBe(true);
    expect(valueOf<{ role: string }>(await page.request('getAppInfo')).role).toBe('teamLead');
    expect(await page.request('stageRestore', { fileName: 'x.sqlite' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('never puts a password in a reply, an event or the store', async () => {
    const { core, store, connect } = await withPeople();
    const page = connect();
    const replies = [
      await page.request('signIn', signIn(testPeople.admin)),
      await page.request('listPeople'),
      await page.request('resetPassword', { userId: 'qa', password: 'a brand new secret' }),
      await page.request('setPhoneAccount', { userId: 'agent', account: { server: 'ws://127.0.0.1:5066', sipUri: 'sip:1001@deskline.test', authUser: '1001', password: 'sip-secret-1001' } }),
      await page.request('listPeople'),
    ];
    const everything = JSON.stringify([replies, page.events, await store.query('SELECT * FROM users'), await store.query('SELECT * FROM audit_log')]);
    for (const secret of [testPeople.admin.password, testPeople.agent.password, 'a brand new secret', 'sip-secret-1001']) expect(everything).not.toContain(secret);
    expect(JSON.stringify(replies[4])).toContain('"phoneAccount":{"server":"ws://127.0.0.1:5066","sipUri":"sip:1001@deskline.test","authUser":"1001"}');
    expect(await core.identity.phoneAccountOf('agent')).toMatchObject({ password: 'sip-secret-1001' });
  });
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

