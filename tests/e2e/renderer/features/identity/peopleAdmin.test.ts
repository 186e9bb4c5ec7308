// Issue 13 end to end: an admin sees the "People" table, creates a person with two roles and an
// agent number through "New person", and disables them; the disabled person can no longer sign in;
// then edits a person, resets a password and sets a phone account through the row's own forms.
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

  it('edits roles and agent number, resets a password and sets a phone account, never showing a password', async () => {
    const host = await session.start({ lang: 'en', as: 'admin' });
    const page = await session.browser().newPage();
    await page.goto(host.url);
    const table = page.getByRole('table', { name: 'People' });
    await page.getByRole('button', { name: 'New person' }).click();
    const form = page.getByRole('form', { name: 'New person' });
    await form.getByLabel('User').fill('li');
    await form.getByLabel('Display name').fill('Li Na');
    await form.getByLabel('Password').fill('li first password');
    await form.getByRole('button', { name: 'Create' }).click();
    const row = table.getByRole('row').filter({ hasText: 'Li Na' });
    await expect.poll(() => row.textContent()).toMatch(/li.*Li Na.*Agent.*Active/);

    await row.getByRole('button', { name: 'Edit li' }).click();
    const edit = page.getByRole('form', { name: 'Edit li' });
    await edit.getByLabel('Agent number').fill('2046');
    await edit.getByLabel('QA').check();
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.textContent()).toMatch(/Li Na.*2046.*Agent, QA/);

    await row.getByRole('button', { name: 'Reset password for li' }).click();
    const reset = page.getByRole('form', { name: 'Reset password for li' });
    await reset.getByLabel('New password').fill('li second password');
    await reset.getByRole('button', { name: 'Save password' }).click();
    await expect.poll(() => reset.count()).toBe(0);

    await row.getByRole('button', { name: 'Phone settings for li' }).click();
    const phone = page.getByRole('form', { name: 'Phone settings for li' });
    await phone.getByLabel('SIP server (wss://…)').fill('wss://pbx.example.test/ws');
    await phone.getByLabel('SIP URI').fill('sip:2046@pbx.example.test');
    await phone.getByLabel('Auth user').fill('2046');
    await phone.getByLabel('SIP password (blank: none)').fill('li sip secret');
    await phone.getByRole('button', { name: 'Save phone account' }).click();
    await expect.poll(() => row.textContent()).toContain('sip:2046@pbx.example.test');
    expect(await page.content()).not.toContain('li sip secret');

    const socket = await openRequestSocket(host);
    expect(await socket.request('signIn', { user: 'li', password: 'li first password' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect((await socket.request('signIn', { user: 'li', password: 'li second password' })).ok).toBe(true);
    socket.close();
  });
});

