// End to end through the web host in Debian's Chromium: the agent sets "Not ready — Break", the
// host restarts, and the state is still there. Also checks the zh-CN UI.
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
const start = (dataDir: string, lang = 'en') => session.start({ dataDir, lang });

describe('agent state end to end', () => {
  it('keeps "Not ready — Break" across a restart of the host', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const page = await session.browser().newPage();
    await page.goto(first.url);
    const state = page.getByRole('combobox', { name: 'Agent state' });
    await expect.poll(() => state.isVisible()).toBe(true);
    expect(await state.locator('option').allTextContents()).toEqual(
      expect.arrayContaining(['Ready', 'Not ready — Break', 'Not ready — Lunch', 'Not ready — Training', 'Not ready — Meeting']),
    );
    await state.selectOption({ label: 'Not ready — Break' });
    // The select is controlled by the host's acknowledgement: it shows Break once the change is saved.
    const selectedLabel = (locator: typeof state) => locator.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent);
    await expect.poll(() => selectedLabel(state)).toBe('Not ready — Break');
    await expect.poll(async () => (await page.getByRole('status', { name: 'Time in state' }).textContent()) ?? '').toMatch(/^00:0\d$/);
    await first.stop();

    const second = await start(dataDir);
    await page.goto(second.url);
    const restored = page.getByRole('combobox', { name: 'Agent state' });
    await expect.poll(() => selectedLabel(restored)).toBe('Not ready — Break');
    // The time in state carries on from before the restart rather than starting again at zero.
    await page.waitForTimeout(1100);
    await expect.poll(async () => (await page.getByRole('status', { name: 'Time in state' }).textContent()) ?? '').not.toBe('00:00');
    await page.close();
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const host = await start(tempDataDir(), 'zh-CN');
    const page = await session.browser().newPage();
    await page.goto(host.url);
    const state = page.getByRole('combobox', { name: '坐席状态' });
    await expect.poll(() => state.isVisible()).toBe(true);
    expect(await state.locator('option').allTextContents()).toContain('未就绪 — 休息');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.close();
  });

  it('shows nothing of the workstation to a browser without the token', async () => {
    const host = await start(tempDataDir());
    const page = await session.browser().newPage();
    const response = await page.goto(host.origin + '/');
    expect(response?.status()).toBe(401);
    expect(await page.getByRole('combobox', { name: 'Agent state' }).count()).toBe(0);
    await page.close();
  });
});
