// Issue 13 end to end: the agent locks the desk from "Account"; the lock screen names them and hides
// the customer panel; a call still rings on the locked desk and shows who is calling; another
// person's password does not unlock it, the agent's own does, and the desk comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { testPeople } from '../../../../support/identity/testPeople';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { registerWorkstation } from '../../../../support/softphone/workstationPhone';

const session = useE2eSession();
const callerNumber = '13800135678';
let kamailio: RunningKamailio;

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: callerNumber, password: 'caller-secret' }] });
});
afterAll(async () => {
  await kamailio?.stop();
});

describe('lock screen', () => {
  it('a locked desk keeps ringing and shows the caller; only the same person unlocks it', async () => {
    const host = await session.start({ lang: 'en' });
    const page = await session.browser().newPage();
    await page.goto(host.url);
    await registerWorkstation(page, kamailio, { user: '1001', password: 'agent-secret', displayName: 'Agent Li' });
    await page.getByRole('region', { name: 'Customer', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Lock' }).click();
    const lock = page.getByRole('form', { name: 'Unlock' });
    await lock.getByRole('heading', { name: 'Locked — Agent Li' }).waitFor();
    expect(await page.getByRole('region', { name: 'Customer', exact: true }).count()).toBe(0);

    const caller = new ScriptedUa({ server: kamailio.url, user: callerNumber, password: 'caller-secret', domain: kamailio.domain });
    await caller.start();
    try {
      const call = await caller.call('1001');
      const banner = page.getByRole('alert').filter({ hasText: callerNumber });
      await banner.waitFor({ timeout: 15_000 });
      expect(await banner.getByRole('button', { name: 'Answer' }).isVisible()).toBe(true);
      await call.hangUp();
      await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await caller.stop();
    }

    await lock.getByLabel('Password').fill(testPeople.teamLead.password);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => lock.getByRole('alert').textContent()).toMatch(/only Agent Li can unlock/);
    await lock.getByLabel('Password').fill(testPeople.agent.password);
    await lock.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('region', { name: 'Customer', exact: true }).waitFor();
    expect(await page.getByRole('form', { name: 'Unlock' }).count()).toBe(0);
  });
});
