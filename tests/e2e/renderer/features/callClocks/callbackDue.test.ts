// S-7 due dates in the UI: a team lead sets the working calendar (a bad date is refused with the
// reason, nothing saved); an agent's missed caller shows "call back by" on that calendar, and the
// badge turns overdue when the page's clock passes the due time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContractSocket } from '../../../../support/contractSocket';
import { useE2eSession } from '../../../../support/e2eSession';
import { startKamailio, type RunningKamailio } from '../../../../support/kamailio/kamailioHarness';
import { registerWorkstation } from '../../../../support/softphone/workstationPhone';
import { ScriptedUa } from '../../../../support/sipUa/scriptedUa';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
let kamailio: RunningKamailio;
let caller: ScriptedUa;

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: '3001', password: 'caller-secret' }] });
  caller = new ScriptedUa({ server: kamailio.url, user: '3001', password: 'caller-secret', domain: kamailio.domain });
  await caller.start();
});
afterAll(async () => {
  await caller?.stop();
  await kamailio?.stop();
});

describe('callback due dates end to end', () => {
  it('a team lead sets holidays and the callback limit; a bad date is refused', async () => {
    const dataDir = tempDataDir();
    const host = await session.start({ dataDir, lang: 'en', extraArgs: ['--role', 'teamLead'] });
    const page = await session.browser().newPage();
    await page.goto(host.url);
    const panel = page.getByRole('region', { name: 'Working calendar' });
    await panel.getByLabel('Holidays (one date per line, YYYY-MM-DD)').fill('2026-10-01\n2026-02-30');
    await panel.getByRole('button', { name: 'Save working calendar' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/No such date/);
    await panel.getByLabel('Holidays (one date per line, YYYY-MM-DD)').fill('2026-10-01\n2026-10-02');
    await panel.getByLabel('Make-up working days (one date per line)').fill('2026-09-27');
    await panel.getByLabel('Call back within (working hours)').fill('2');
    await panel.getByRole('button', { name: 'Save working calendar' }).click();
    await panel.getByRole('status').filter({ hasText: 'Working calendar saved.' }).waitFor();
    const socket = await openContractSocket(host);
    expect((await socket.request('getWorkingCalendar', {})).value).toMatchObject({ holidays: ['2026-10-01', '2026-10-02'], makeUpDays: ['2026-09-27'], callbackWorkingHours: 2 });
    socket.close();
    await page.close();
  });

  it('a missed call shows when to call back, and turns overdue after that time', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const context = await session.browser().newContext();
    await context.grantPermissions(['notifications'], { origin: host.origin });
    const page = await context.newPage();
    // Test-side record of the desktop notifications the page shows.
    await page.addInitScript(() => {
      const shown: Array<{ title: string; body: string }> = [];
      (window as unknown as { __notifications: typeof shown }).__notifications = shown;
      const Native = window.Notification;
      window.Notification = class extends Native {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body ?? '' });
        }
      } as typeof Notification;
    });
    // The page's clock runs normally but can be moved forward (the host's clock is untouched).
    await page.clock.install();
    await page.goto(host.url);
    await registerWorkstation(page, kamailio, { user: '1001', password: 'agent-secret', displayName: 'Agent Li' });

    const call = await caller.call('1001');
    await page.getByRole('alert').filter({ hasText: '3001' }).waitFor({ timeout: 10_000 });
    await call.hangUp(); // abandoned while ringing: a missed call owed a callback
    await page.getByRole('button', { name: /^Missed/ }).click();
    const entry = page.getByRole('list', { name: 'Missed' }).getByRole('listitem').first();
    await expect.poll(() => entry.textContent()).toMatch(/call back by/);
    expect(await entry.textContent()).not.toMatch(/overdue/);

    // Five days on (past a 4-working-hour limit, whatever weekend lies between): overdue, and counted.
    await page.clock.fastForward(5 * 24 * 3_600_000);
    await expect.poll(() => entry.textContent()).toMatch(/overdue/);
    await page.getByRole('status').filter({ hasText: '1 callback overdue' }).waitFor();
    // …and a desktop notification, once.
    const notifications = () => page.evaluate(() => (window as unknown as { __notifications: Array<{ title: string; body: string }> }).__notifications);
    await expect.poll(notifications).toEqual([{ title: 'Callback overdue', body: '3001' }]);
    await page.clock.fastForward(60_000);
    expect(await notifications()).toHaveLength(1);
    await context.close();
  });
});
