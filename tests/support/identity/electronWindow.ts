// Issue 13 for Electron tests: the app's own window signs in like a person would. On a first start it
// creates the first admin (the window needs no setup code), adds the test agent through the window's
// own bridge, signs out, and signs in as the agent; later starts just sign in.
import type { Page } from 'playwright-core';
import { testPeople } from './testPeople';

export async function signInElectronWindowAsAgent(page: Page): Promise<void> {
  const setup = page.getByRole('form', { name: 'Set up Deskline' });
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await setup.or(signIn).waitFor({ timeout: 20_000 });
  if (await setup.isVisible()) {
    const admin = testPeople.admin;
    await setup.getByLabel('User').fill(admin.user);
    await setup.getByLabel('Display name').fill(admin.displayName);
    await setup.getByLabel('Password').fill(admin.password);
    await setup.getByRole('button', { name: 'Create admin' }).click();
    await page.getByRole('button', { name: 'Account' }).waitFor();
    const agent = testPeople.agent;
    const created = await page.evaluate(
      async (person) => (window as unknown as { deskline: { createPerson(p: unknown): Promise<{ ok: boolean }> } }).deskline.createPerson(person),
      { userId: agent.user, displayName: agent.displayName, agentNumber: agent.agentNumber ?? '', roles: agent.roles, password: agent.password },
    );
    if (!created.ok) throw new Error(`createPerson from the window failed: ${JSON.stringify(created)}`);
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
  }
  await signIn.getByLabel('User').fill(testPeople.agent.user);
  await signIn.getByLabel('Password').fill(testPeople.agent.password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Account' }).waitFor();
}
