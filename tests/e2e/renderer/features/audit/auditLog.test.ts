// End to end in Chromium through the web host (S-6, issue 13): an admin reads the audit log in a
// table labelled "Audit log", filters it, and exports it as CSV; the export shows up in the log
// itself. Other roles get no audit view (and the host refuses them; see the core's tests).
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
const start = (dataDir: string, role: string) => session.start({ dataDir, lang: 'en', extraArgs: ['--role', role] });

describe('the audit log in the UI', () => {
  it('shows an admin the log, filters it, and exports it (the export is audited)', async () => {
    const host = await start(tempDataDir('deskline-e2e-audit-'), 'admin');
    const page = await session.browser().newPage();
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(async () => (await page.getByRole('status').filter({ hasText: 'Backup ' }).textContent()) ?? '').toMatch(/written/);

    const table = page.getByRole('table', { name: 'Audit log' });
    await page.getByLabel('Action (e.g. customer.view, or customer. for all)').fill('backup.create');
    await page.getByRole('button', { name: 'Show audit log' }).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(2); // the header and the backup
    expect(await table.getByRole('row').nth(1).textContent()).toMatch(/adminbackup\.createdeskline-.*\.sqlite/);

    await page.getByRole('button', { name: 'Export audit log (CSV)' }).click();
    await expect.poll(async () => (await page.getByRole('status').filter({ hasText: 'audit rows' }).textContent()) ?? '').toMatch(/^Exported 1 audit rows to deskline-audit-.*\.csv\.$/);
    await page.getByLabel('Action (e.g. customer.view, or customer. for all)').fill('audit.export');
    await page.getByRole('button', { name: 'Show audit log' }).click();
    await expect.poll(async () => (await table.getByRole('row').nth(1).textContent()) ?? '').toMatch(/audit\.exportdeskline-audit-/);
    await page.close();
  });

  it('is not shown to an agent', async () => {
    const host = await start(tempDataDir('deskline-e2e-audit-agent-'), 'agent');
    const page = await session.browser().newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Call search' }).waitFor();
    expect(await page.getByRole('table', { name: 'Audit log' }).count()).toBe(0);
    await page.close();
  });
});
