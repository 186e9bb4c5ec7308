// End to end through a real Kamailio: a caller page calls the agent, whose page has a fake WebHID
// Jabra headset (navigator.hid replaced before load, same collections as the unit fixtures). The
// headset's off-hook report answers the real call, its mute button toggles the on-screen mute,
// its on-hook report hangs up; the output reports light ring → off-hook → mute → off. The headset is remembered
// across a reload and reopened when plugged in again.
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { deviceRequests, installFakeHid, plugHeadset, sendInputReport, sentOutputReports } from '../../../../support/headset/fakeHid';
import { installMediaSessionProbe, mediaSessionState, pressMediaAction } from '../../../../support/headset/mediaSessionProbe';
import { useWebRtcCallLab } from '../../../../support/softphone/webRtcCallLab';
import { tempDataDir } from '../../../../support/webHost';
import { jabraEvolve2, jabraReports } from '../../../../fixtures/hid/telephonyHeadsets';

const session = useE2eSession();
const lab = useWebRtcCallLab();

// Jabra output report 2: bit 0 off-hook, bit 1 mute, bit 2 ring, bit 3 hold.
const leds = { off: [2, [0x00]], ring: [2, [0x04]], offHook: [2, [0x01]], offHookMuted: [2, [0x03]] };

describe('headset call control', () => {
  it('answers, mutes and hangs up a real call from the headset, with the LEDs in step', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const agentPage = await session.browser().newPage();
    await installFakeHid(agentPage, jabraEvolve2);
    await lab.openAgent(agentPage, host);

    const status = agentPage.getByRole('status', { name: 'Headset' });
    await expect.poll(() => status.textContent()).toBe('No headset connected');
    await agentPage.getByRole('button', { name: 'Connect headset' }).click();
    await expect.poll(() => status.textContent()).toBe('Headset: Jabra Evolve2 65 — ready');
    expect(await deviceRequests(agentPage)).toEqual([{ filters: [{ usagePage: 0x0b }] }]);
    await expect.poll(() => sentOutputReports(agentPage)).toEqual([leds.off]);

    const { page: callerPage, caller } = await lab.openCaller(session.browser());
    await lab.callAgent(caller);
    await agentPage.getByRole('alert').filter({ hasText: '3001' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => sentOutputReports(agentPage)).toEqual([leds.off, leds.ring]);

    await sendInputReport(agentPage, 2, jabraReports.offHook);
    await caller.waitForState('Established', 10_000);
    await agentPage.getByRole('button', { name: 'Hang up' }).waitFor();
    await expect.poll(() => sentOutputReports(agentPage)).toEqual([leds.off, leds.ring, leds.offHook]);

    // The headset's mute button: press and release, one toggle; the screen follows.
    await sendInputReport(agentPage, 2, jabraReports.mutePressedOffHook);
    await sendInputReport(agentPage, 2, jabraReports.muteReleasedOffHook);
    await agentPage.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    await expect.poll(() => sentOutputReports(agentPage)).toEqual([leds.off, leds.ring, leds.offHook, leds.offHookMuted]);
    // … and the screen's Unmute turns the headset's mute LED off.
    await agentPage.getByRole('button', { name: 'Unmute', exact: true }).click();
    await agentPage.getByRole('button', { name: 'Mute', exact: true }).waitFor();
    await expect.poll(() => sentOutputReports(agentPage)).toEqual([leds.off, leds.ring, leds.offHook, leds.offHookMuted, leds.offHook]);

    await sendInputReport(agentPage, 2, jabraReports.onHook);
    await caller.waitForState('Terminated', 10_000);
    await expect.poll(() => agentPage.getByRole('button', { name: 'Hang up' }).count()).toBe(0);
    await expect.poll(() => sentOutputReports(agentPage)).toEqual([leds.off, leds.ring, leds.offHook, leds.offHookMuted, leds.offHook, leds.off]);

    // The chosen headset is remembered: after a reload it is back without a click.
    await agentPage.reload();
    await expect.poll(() => agentPage.getByRole('status', { name: 'Headset' }).textContent(), { timeout: 10_000 }).toBe('Headset: Jabra Evolve2 65 — ready');
    expect(await deviceRequests(agentPage)).toEqual([]);
    // Unplugged and plugged in again: the status follows, and the headset is opened again.
    const sentBefore = (await sentOutputReports(agentPage)).length;
    await plugHeadset(agentPage, false);
    await expect.poll(() => agentPage.getByRole('status', { name: 'Headset' }).textContent()).toBe('No headset connected');
    await plugHeadset(agentPage, true);
    await expect.poll(() => agentPage.getByRole('status', { name: 'Headset' }).textContent()).toBe('Headset: Jabra Evolve2 65 — ready');
    // The reopened device gets its LEDs again (the fake refuses reports to a closed device).
    await expect.poll(async () => (await sentOutputReports(agentPage)).slice(sentBefore)).toEqual([leds.off]);

    await caller.stop();
    await agentPage.close();
    await callerPage.close();
  });

  it('without a HID headset, Media Session actions answer (Play), mute and hang up a real call', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const agentPage = await session.browser().newPage();
    await installMediaSessionProbe(agentPage);
    await lab.openAgent(agentPage, host);
    // The real navigator.hid (no fake here): the page's headers leave WebHID allowed (its
    // permissions-policy default is 'self'), so the Connect headset button is offered.
    const webHid = await agentPage.evaluate(() => ({
      present: 'hid' in navigator,
      allowed: (document as Document & { featurePolicy?: { allowsFeature(name: string): boolean } }).featurePolicy?.allowsFeature('hid'),
    }));
    expect(webHid).toEqual({ present: true, allowed: true });
    await expect.poll(() => agentPage.getByRole('status', { name: 'Headset' }).textContent()).toBe('No headset connected');
    await agentPage.getByRole('button', { name: 'Connect headset' }).waitFor();
    // No call: no media key is claimed.
    await expect.poll(async () => (await mediaSessionState(agentPage)).actions).toEqual([]);

    const { page: callerPage, caller } = await lab.openCaller(session.browser());
    await lab.callAgent(caller);
    await agentPage.getByRole('alert').filter({ hasText: '3001' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => mediaSessionState(agentPage)).toMatchObject({ playbackState: 'paused', actions: ['play'] });
    expect(await pressMediaAction(agentPage, 'play')).toBe(true);
    await caller.waitForState('Established', 10_000);

    await expect.poll(() => mediaSessionState(agentPage)).toMatchObject({ playbackState: 'playing', actions: ['hangup', 'pause', 'togglemicrophone'] });
    expect(await pressMediaAction(agentPage, 'togglemicrophone')).toBe(true);
    await agentPage.getByRole('button', { name: 'Unmute', exact: true }).waitFor();
    await expect.poll(async () => (await mediaSessionState(agentPage)).microphoneActive.at(-1)).toBe(false);

    expect(await pressMediaAction(agentPage, 'hangup')).toBe(true);
    await caller.waitForState('Terminated', 10_000);
    await expect.poll(() => mediaSessionState(agentPage)).toMatchObject({ playbackState: 'none', actions: [] });

    await caller.stop();
    await agentPage.close();
    await callerPage.close();
  });

  it('speaks Chinese: 连接耳机, then 耳机：Jabra Evolve2 65 — 就绪; asking again excludes the connected model', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'zh-CN' });
    const page = await session.browser().newPage();
    await installFakeHid(page, jabraEvolve2);
    await page.goto(host.url);
    const status = page.getByRole('status', { name: '耳机' });
    await expect.poll(() => status.textContent()).toBe('未连接耳机');
    await page.getByRole('button', { name: '连接耳机' }).click();
    await expect.poll(() => status.textContent()).toBe('耳机：Jabra Evolve2 65 — 就绪');
    // Asked again while connected: the connected model is excluded (switching headsets).
    await page.getByRole('button', { name: '连接耳机' }).click();
    await expect.poll(() => deviceRequests(page)).toEqual([
      { filters: [{ usagePage: 0x0b }] },
      { filters: [{ usagePage: 0x0b }], exclusionFilters: [{ vendorId: jabraEvolve2.vendorId, productId: jabraEvolve2.productId }] },
    ]);
    await page.close();
  });
});
