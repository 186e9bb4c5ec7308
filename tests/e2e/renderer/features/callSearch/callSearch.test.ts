// Call search and export in the browser, against a web host started on a seeded data dir: search in
// Chinese and English, page through the results, export the date range as a real CSV download,
// and see numbers masked for an agent and in full for a team lead (S-6).
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../../electron/adapters/store/engine/store';
import { refundBatch, seedSearchableCalls } from '../../../../support/database/searchableCalls';
import { useE2eSession } from '../../../../support/e2eSession';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();

async function seededDataDir(): Promise<string> {
  const dataDir = tempDataDir('deskline-e2e-search-');
  const store = await openStore({ dataDir });
  await seedSearchableCalls(store, refundBatch(25));
  await store.close();
  return dataDir;
}

async function openPanel(role: 'agent' | 'teamLead') {
  const host = await session.start({ dataDir: await seededDataDir(), lang: 'en', extraArgs: ['--role', role] });
  const page = await session.browser().newPage();
  await page.goto(host.url);
  const panel = page.getByRole('region', { name: 'Call search' });
  await panel.waitFor();
  return { page, panel };
}

type Panel = Awaited<ReturnType<typeof openPanel>>['panel'];

async function searchFor(panel: Panel, text: string) {
  await panel.getByLabel('Search calls').fill(text);
  await panel.getByLabel('Search calls').press('Enter');
}

const rows = (panel: Panel) => panel.getByRole('table', { name: 'Search results' }).locator('tbody tr');
const cellTexts = (panel: Panel, column: number) => rows(panel).locator(`td:nth-child(${column})`).allTextContents();

async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(file, 'utf8') };
}

describe('call search end to end', () => {
  it('an agent searches in Chinese and English, pages, and exports CSV with masked numbers', async () => {
    const { page, panel } = await openPanel('agent');

    await searchFor(panel, '退款');
    await panel.getByText('Calls found: 27').waitFor();
    expect(await rows(panel).count()).toBe(20);
    await panel.getByText('Page 1 of 2').waitFor();
    expect(await panel.getByText('Customer numbers are masked for your role (S-6).').count()).toBe(1);
    await panel.getByRole('button', { name: 'Next' }).click();
    await panel.getByText('Page 2 of 2').waitFor();
    expect(await rows(panel).count()).toBe(7);
    // The oldest two are the hand-written notes; the number is masked for an agent.
    expect((await cellTexts(panel, 9)).slice(-2)).toEqual(['Called back about the REFUND: 退款 approved, invoice reissued.', '客户要求退款，已提交退款申请，财务审核后原路退回。']);
    expect((await cellTexts(panel, 4)).slice(-1)).toEqual(['138****5678']);
    expect(await panel.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);

    await searchFor(panel, 'northwind');
    await panel.getByText('Calls found: 1').waitFor();
    expect(await cellTexts(panel, 9)).toEqual(['Thanked the team for the fast delivery.']);

    await panel.getByLabel('Search calls').fill('');
    await panel.getByLabel('Direction').selectOption({ label: 'Outbound' });
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await panel.getByText('Calls found: 2').waitFor();

    await panel.getByLabel('From', { exact: true }).fill('2026-11-02');
    await panel.getByLabel('To', { exact: true }).fill('2026-11-02');
    const csv = await downloaded(page, () => panel.getByRole('button', { name: 'Export CSV' }).click());
    expect(csv.name).toBe('deskline-calls-2026-11-02-to-2026-11-02.csv');
    const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('call_id,agent_id,direction,remote_number,started_at,')).toBe(true);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['s1', 's2', 's3', 's4']);
    expect(lines[1]).toContain(',138****5678,');
    await panel.getByText('Exported 4 calls to deskline-calls-2026-11-02-to-2026-11-02.csv.').waitFor();
    await page.close();
  });

  it('a team lead sees full numbers and exports them as JSON; a reversed range gets a clear error', async () => {
    const { page, panel } = await openPanel('teamLead');
    await searchFor(panel, '小明');
    await panel.getByText('Calls found: 1').waitFor();
    expect(await cellTexts(panel, 4)).toEqual(['+8613700001111']);
    expect(await panel.getByText('Customer numbers are masked for your role (S-6).').count()).toBe(0);

    await panel.getByLabel('From', { exact: true }).fill('2026-11-03');
    await panel.getByLabel('To', { exact: true }).fill('2026-11-02');
    await panel.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/start must come first/);

    await panel.getByLabel('To', { exact: true }).fill('2026-11-03');
    await panel.getByLabel('Full customer numbers in the export').check();
    const json = await downloaded(page, () => panel.getByRole('button', { name: 'Export JSON' }).click());
    const records = JSON.parse(json.text) as Array<{ call_id: string; remote_number: string }>;
    expect(records.map((r) => r.call_id)).toEqual(['s5', 's6', 's7', 's8', 's9']);
    expect(records[0]?.remote_number).toBe('13800135678');
    await page.close();
  });
});
