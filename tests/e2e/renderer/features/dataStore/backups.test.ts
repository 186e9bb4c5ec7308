// End to end in Chromium through the web host: an admin backs up and stages a restore from the
// Backups panel; the next start applies it and says so; a torn journal tail found at start-up is
// reported to the user as an alert. An agent sees no Backups panel.
import { appendFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
const start = (dataDir: string, role: string) => session.start({ dataDir, lang: 'en', extraArgs: ['--role', role] });

describe('backups in the UI', () => {
  it('backs up, stages a restore, and reports it at the next start', async () => {
    const dataDir = tempDataDir('deskline-e2e-backup-');
    const host = await start(dataDir, 'admin');
    const page = await session.browser().newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(async () => (await page.getByRole('status').filter({ hasText: 'Backup ' }).textContent()) ?? '').toMatch(/^Backup deskline-.*\.sqlite written \(\d+ KB\)\.$/);
    const list = page.getByRole('list', { name: 'Backup files' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('button', { name: /^Restore deskline-.*\.sqlite$/ }).click();
    await expect.poll(async () => (await page.getByRole('status').filter({ hasText: 'restored' }).textContent()) ?? '').toMatch(/will be restored when Deskline next starts/);
    await host.stop();

    const next = await start(dataDir, 'admin');
    await page.goto(next.url);
    const report = page.getByRole('status', { name: 'Database start-up report' });
    await expect.poll(async () => (await report.textContent()) ?? '').toMatch(/Restored a backup with 0 calls and 0 customers/);
    await page.close();
  });

  it('tells the user what start-up recovered from, as an alert', async () => {
    const dataDir = tempDataDir('deskline-e2e-torn-');
    await (await start(dataDir, 'agent')).stop();
    const dbDir = path.join(dataDir, 'db');
    const segment = readdirSync(dbDir).find((f) => f.startsWith('journal-'))!;
    appendFileSync(path.join(dbDir, segment), Buffer.from([0x44, 0x4c, 0x4a, 0x31, 0, 0, 1, 0])); // a torn header
    const host = await start(dataDir, 'agent');
    const page = await session.browser().newPage();
    await page.goto(host.url);
    const report = page.getByRole('alert', { name: 'Database start-up report' });
    await expect.poll(async () => (await report.textContent()) ?? '').toMatch(/cut off and kept in damaged/);
    expect(await page.getByRole('button', { name: 'Back up now' }).count()).toBe(0); // agents do not back up
    await page.close();
  });
});
