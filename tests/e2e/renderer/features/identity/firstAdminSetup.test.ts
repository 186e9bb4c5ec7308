// Issue 13 end to end: a first start has no account; the page asks for the first admin, a wrong
// setup code is refused with the reason, the code the host printed on stderr creates the admin and
// signs them in; a reload keeps the session (resume token), and a fresh tab gets "Sign in".
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { newSignedOutContext } from '../../../../support/identity/signedInPages';
import { setupCodeFrom } from '../../../../support/identity/testPeople';

const session = useE2eSession();

describe('first start', () => {
  it('creates the first admin with the printed setup code, and only with it', async () => {
    const host = await session.start({ lang: 'en', provision: false });
    const code = setupCodeFrom(host.stderr());
    expect(code).toMatch(/^[\w-]{8}$/);
    const context = await newSignedOutContext(session.browser());
    const page = await context.newPage();
    await page.goto(host.url);
    const form = page.getByRole('form', { name: 'Set up Deskline' });
    await form.getByLabel('Setup code').fill('wrong-code');
    await form.getByLabel('User').fill('zhou');
    await form.getByLabel('Display name').fill('Admin Zhou');
    await form.getByLabel('Password').fill('a long admin password');
    await form.getByRole('button', { name: 'Create admin' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/Wrong setup code/);
    await form.getByLabel('Setup code').fill(code!);
    await form.getByRole('button', { name: 'Create admin' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Account' }).textContent()).toContain('Admin Zhou');
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: 'Account' }).textContent()).toContain('Admin Zhou');
    const other = await context.browser()!.newContext();
    const fresh = await other.newPage();
    await fresh.goto(host.url);
    await fresh.getByRole('form', { name: 'Sign in' }).waitFor();
    await other.close();
    await context.close();
  });
});
