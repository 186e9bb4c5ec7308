// The agent's phone preferences end to end: microphone, speaker and ringer chosen in Settings and
// remembered; the ringtone plays on the chosen ringer and a desktop notification appears when the
// workstation is not in front; keyboard shortcuts answer, mute and hang up; a remembered device
// that is gone falls back to the default with a notice.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openContractSocket } from '../../../../support/contractSocket';
import { useE2eSession } from '../../../../support/e2eSession';
import { useWebRtcCallLab } from '../../../../support/softphone/webRtcCallLab';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
const lab = useWebRtcCallLab();

interface AlertProbe {
  sinkIds: string[];
  oscillators: number;
  notifications: Array<{ title: string; body: string; closed: boolean }>;
}

/**
 * Test-side window into the page's alerts: which output the ringtone's AudioContext was sent to,
 * how many tones started, and the notifications shown. The agent is "in another window" (the page
 * reports no focus), which is when a notification must appear.
 */
async function installAlertProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe = { sinkIds: [] as string[], oscillators: 0, notifications: [] as Array<{ title: string; body: string; closed: boolean }> };
    (window as unknown as { __alerts: typeof probe }).__alerts = probe;
    const proto = AudioContext.prototype as AudioContext & { setSinkId(id: string): Promise<void> };
    const setSinkId = proto.setSinkId;
    proto.setSinkId = function (id: string) {
      probe.sinkIds.push(id);
      return setSinkId.call(this, id);
    };
    const createOscillator = proto.createOscillator;
    proto.createOscillator = function () {
      probe.oscillators++;
      return createOscillator.call(this);
    };
    const Native = window.Notification;
    window.Notification = class extends Native {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        const entry = { title, body: options?.body ?? '', closed: false };
        probe.notifications.push(entry);
        const close = this.close.bind(this);
        this.close = () => {
          entry.closed = true;
          close();
        };
      }
    } as typeof Notification;
    document.hasFocus = () => false;
  });
}

const alerts = (page: Page) => page.evaluate(() => (window as unknown as { __alerts: AlertProbe }).__alerts);

describe('phone preferences end to end', () => {
  it('remembers devices, rings on the chosen ringer with a notification, and obeys the shortcuts', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const context = await session.browser().newContext();
    await context.grantPermissions(['notifications'], { origin: host.origin });
    const agentPage = await context.newPage();
    await installAlertProbe(agentPage);
    await lab.openAgent(agentPage, host);

    await agentPage.getByRole('button', { name: 'Settings' }).click();
    const dialog = agentPage.getByRole('dialog');
    await dialog.getByLabel('Microphone').selectOption({ label: 'Fake Audio Input 2' });
    await dialog.getByLabel('Ringer').selectOption({ label: 'Fake Audio Output 1' });
    await dialog.getByLabel('Answer shortcut').fill('Ctrl+Alt+Y');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // A shortcut that is not a shortcut is refused with the host's message, and nothing is saved.
    await agentPage.getByRole('button', { name: 'Settings' }).click();
    await dialog.getByLabel('Hang up shortcut').fill('Ctrl+Alt+Y');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/different/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Remembered across a reload.
    await agentPage.reload();
    await agentPage.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => dialog.getByLabel('Ringer').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('Fake Audio Output 1');
    expect(await dialog.getByLabel('Microphone').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('Fake Audio Input 2');
    expect(await dialog.getByLabel('Answer shortcut').inputValue()).toBe('Ctrl+Alt+Y');
    expect(await dialog.getByLabel('Hang up shortcut').inputValue()).toBe('CommandOrControl+Alt+H');
    const ringerId = await dialog.getByLabel('Ringer').inputValue();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await agentPage.getByRole('status', { name: 'Phone status' }).filter({ hasText: /^Registered$/ }).waitFor({ timeout: 15_000 });

    const { page: callerPage, caller } = await lab.openCaller(session.browser());
    await lab.callAgent(caller);
    await agentPage.getByRole('alert').filter({ hasText: '3001' }).waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await alerts(agentPage)).oscillators).toBe(1);
    expect((await alerts(agentPage)).sinkIds).toEqual([ringerId]);
    await expect.poll(async () => (await alerts(agentPage)).notifications).toEqual([{ title: 'Incoming call', body: '3001 — Caller Wang', closed: false }]);

    await agentPage.keyboard.press('Control+Alt+KeyY');
    await caller.waitForState('Established', 10_000);
    await expect.poll(async () => (await alerts(agentPage)).notifications[0]?.closed).toBe(true);
    await agentPage.keyboard.press('Control+Alt+KeyM');
    await agentPage.getByRole('button', { name: 'Unmute' }).waitFor();
    await agentPage.keyboard.press('Control+Alt+KeyH');
    await caller.waitForState('Terminated', 10_000);
    await caller.stop();
    await callerPage.close();
    await context.close();
  });

  it('falls back to the default device with a notice when the remembered one is gone', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const socket = await openContractSocket(host);
    const saved = await socket.request('saveAudioDevices', { microphone: { id: 'usb-headset-1', label: 'USB Headset' }, speaker: null, ringer: null });
    expect(saved.ok).toBe(true);
    socket.close();
    const page = await session.browser().newPage();
    await page.goto(host.url);
    await page.getByRole('status').filter({ hasText: 'The chosen microphone is no longer connected; using the system default.' }).waitFor();
    await page.close();
  });
});
