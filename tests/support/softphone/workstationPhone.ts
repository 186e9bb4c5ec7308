// Drives the workstation's phone settings like an agent would: the "Settings" button, the labelled
// account fields, "Save", then waits for "Phone status" to say Registered.
import type { Page } from 'playwright-core';
import type { RunningKamailio } from '../kamailio/kamailioHarness';

export async function registerWorkstation(
  page: Page,
  kamailio: RunningKamailio,
  account: { user: string; password: string; displayName: string },
): Promise<void> {
  await openPhoneSettings(page);
  await page.getByLabel('Server').fill(kamailio.url);
  await page.getByLabel('SIP URI').fill(`sip:${account.user}@${kamailio.domain}`);
  await page.getByLabel('Auth user').fill(account.user);
  await page.getByLabel('Password').fill(account.password);
  await page.getByLabel('Display name').fill(account.displayName);
  await page.getByRole('button', { name: 'Save' }).click();
  const status = page.getByRole('status', { name: 'Phone status' });
  await status
    .filter({ hasText: /^Registered$/ })
    .waitFor({ timeout: 15_000 })
    .catch(async (error: unknown) => {
      const dialogError = await page.getByRole('dialog').getByRole('alert').allTextContents();
      throw new Error(`The phone did not register: status "${await status.textContent()}"; form errors ${JSON.stringify(dialogError)}`, { cause: error });
    });
}

/**
 * Opens the phone settings dialog. Under heavy load (CI running integration and e2e files side by
 * side) a click right after the page loaded was twice seen to open nothing; a second click then
 * does, and a dialog that never opens fails with what the page showed.
 */
async function openPhoneSettings(page: Page): Promise<void> {
  const server = page.getByLabel('Server');
  for (let attempt = 1; ; attempt++) {
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    try {
      await server.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 2) {
        const shown = await page.locator('body').innerText().catch(() => '');
        throw new Error(`The phone settings dialog did not open; the page showed:\n${shown.slice(0, 2000)}`, { cause: error });
      }
    }
  }
}
