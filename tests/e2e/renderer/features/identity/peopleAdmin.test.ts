// Issue 13 end to end: an admin sees the "People" table, creates a person with two roles and an
// agent number through "New person", and disables them; the disabled person can no longer sign in.
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { openRequestSocket } from '../../../../support/identity/provisionWebHost';

const session = useE2eSession();

describe('people admin', () => {
  it('creates a person with roles and an agent number, then disables them', async () => {
    const host = await session.start({ lang: 'en', as: 'admin' });
    const page = await session.browser().newPage();
    await page.goto(host.url);
    const table = page.getByRole('table', { name: 'People' });
    await expect.poll(() => table.getByRole('row').count()).toBe(5); // header + admin, agent, team lead, QA
    await page.getByRole('button', { name: 'New person' }).click();
    const form = page.getByRole('form', { name: 'New person' });
    await form.getByLabel('User').fill('wang');
    await form.getByLabel('Display name').fill('Wang Fang');
    await form.getByLabel('Agent number').fill('1009');
    await form.getByLabel('Team lead').check();
    await form.getByLabel('Password').fill('wang first password');
    await form.getByRole('button', { name: 'Create' }).click();
    const row = table.getByRole('row').filter({ hasText: 'Wang Fang' });
    await expect.poll(() => row.textContent()).toMatch(/wang.*Wang Fang.*1009.*Agent, Team lead.*Active/);

    const socket = await openRequestSocket(host);
    expect((await socket.request('signIn', { user: 'wang', password: 'wang first password' })).ok).toBe(true);
    await row.getByRole('button', { name: 'Disable wang' }).click();
    await expect.poll(() => row.textContent()).toMatch(/Disabled/);
    expect(await socket.request('getAgentState', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await socket.request('signIn', { user: 'wang', password: 'wang first password' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    socket.close();
  });
});
