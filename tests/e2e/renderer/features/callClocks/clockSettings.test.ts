// A team lead sets the service-standard clocks from the UI and they survive a restart; an agent
// sees no such form, and the host refuses the change even if asked directly.
import { describe, expect, it } from 'vitest';
import { openContractSocket } from '../../../../support/contractSocket';
import { useE2eSession } from '../../../../support/e2eSession';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();

describe('clock settings end to end', () => {
  it('a team lead changes the cadence, missed-call rings and wrap-up limit; they persist', async () => {
    const dataDir = tempDataDir();
    const first = await session.start({ dataDir, lang: 'en', extraArgs: ['--role', 'teamLead'] });
    const page = await session.browser().newPage();
    await page.goto(first.url);
    const form = page.getByRole('region', { name: 'Service-standard clocks' });
    await form.getByLabel('Ring cadence').selectOption({ label: 'North America (2 s on, 4 s off)' });
    await form.getByLabel('Missed after rings').fill('8');
    await form.getByLabel('Wrap-up limit (seconds)').fill('90');
    await form.getByRole('button', { name: 'Save clock settings' }).click();
    await form.getByRole('status').filter({ hasText: 'Clock settings saved.' }).waitFor();
    await form.getByLabel('Wrap-up limit (seconds)').fill('5');
    await form.getByRole('button', { name: 'Save clock settings' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/10/);
    await first.stop();

    const second = await session.start({ dataDir, lang: 'en', extraArgs: ['--role', 'teamLead'] });
    await page.goto(second.url);
    const reloaded = page.getByRole('region', { name: 'Service-standard clocks' });
    await expect.poll(() => reloaded.getByLabel('Missed after rings').inputValue()).toBe('8');
    expect(await reloaded.getByLabel('Wrap-up limit (seconds)').inputValue()).toBe('90');
    expect(await reloaded.getByLabel('Ring cadence').inputValue()).toBe('northAmerica');
    await page.close();
  });

  it('an agent has no clock settings form and the host refuses the change', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const page = await session.browser().newPage();
    await page.goto(host.url);
    await page.getByRole('status', { name: 'Phone status' }).waitFor();
    expect(await page.getByRole('region', { name: 'Service-standard clocks' }).count()).toBe(0);
    const socket = await openContractSocket(host);
    const reply = await socket.request('saveClockSettings', {
      ringCadence: { kind: 'uk' },
      missedAfterRings: 3,
      missedSetsNotReady: false,
      wrapUpLimitSec: 30,
      holdCheckInIntervalSec: 30,
      guidedHold: false,
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    socket.close();
    await page.close();
  });
});
