// End to end in Chromium through the web host (S-6): an admin sets the retention period, previews
// the counts, and runs it; the old call's notes are then gone from the store. A bad period is
// refused with the reason. An agent sees no Retention panel.
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../../electron/adapters/store/engine/store';
import { useE2eSession } from '../../../../support/e2eSession';
import { insertCall } from '../../../../support/database/callRows';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
const start = (dataDir: string, role: string) => session.start({ dataDir, lang: 'en', extraArgs: ['--role', role] });
const day = 24 * 60 * 60_000;

describe('retention in the UI', () => {
  it('sets the period, previews and runs it as an admin', async () => {
    const dataDir = tempDataDir('deskline-e2e-retention-');
    await (await start(dataDir, 'admin')).stop(); // creates the store
    const store = await openStore({ dataDir });
    await store.commit([
      insertCall({ id: 'old', agentId: 'local', startedAt: Date.now() - 400 * day, notes: 'refund for the old order' }),
      insertCall({ id: 'recent', agentId: 'local', startedAt: Date.now() - 5 * day, notes: 'refund for the new order' }),
    ]);
    await store.close();

    const host = await start(dataDir, 'admin');
    const page = await session.browser().newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(host.url);
    const panel = page.getByRole('region', { name: 'Retention' });
    const months = panel.getByLabel('Keep customer data and notes for (months)');
    await months.fill('0');
    await panel.getByRole('button', { name: 'Save retention' }).click();
    await expect.poll(async () => (await panel.getByRole('alert').textContent()) ?? '').toMatch(/from 1 to 120/);

    await months.fill('12');
    await panel.getByRole('button', { name: 'Save retention' }).click();
    await expect.poll(async () => (await panel.getByRole('status').textContent()) ?? '').toBe('Data is kept for 12 months.');
    await panel.getByRole('button', { name: 'Preview' }).click();
    const counts = panel.getByRole('list', { name: 'Retention preview' });
    await expect.poll(async () => (await counts.textContent()) ?? '').toContain('Calls to anonymise: 1');
    expect(await counts.textContent()).toContain('Call notes to delete: 1');
    await panel.getByRole('button', { name: 'Run now' }).click();
    await expect.poll(async () => (await panel.getByRole('status').textContent()) ?? '').toBe('Retention run finished: 0 customers and 1 calls anonymised.');
    await page.close();
    await host.stop();

    const after = await openStore({ dataDir });
    expect(await after.query('SELECT id, notes FROM calls ORDER BY id')).toEqual([
      { id: 'old', notes: '' },
      { id: 'recent', notes: 'refund for the new order' },
    ]);
    await after.close();
  });

  it('shows no Retention panel to an agent', async () => {
    const host = await start(tempDataDir('deskline-e2e-retention-agent-'), 'agent');
    const page = await session.browser().newPage();
    await page.goto(host.url);
    await page.getByRole('heading', { name: 'Deskline' }).waitFor();
    expect(await page.getByRole('region', { name: 'Retention' }).count()).toBe(0);
    await page.close();
  });
});
