// End to end through a real Kamailio and two Chromium pages: a caller page (sip.js + WebRTC with
// the fake microphone) calls the workstation; the agent answers from the incoming-call banner;
// audio flows both ways, stops on Hold, flows again on Resume, and Hang up ends both sides.
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { useWebRtcCallLab } from '../../../../support/softphone/webRtcCallLab';
import { readAudioFlow, packetsInOneSecond } from '../../../../support/softphone/peerConnectionProbe';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
const lab = useWebRtcCallLab();

describe('softphone end to end', () => {
  it('answers a WebRTC caller, holds, resumes and hangs up with audio both ways', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const agentPage = await session.browser().newPage();
    await lab.openAgent(agentPage, host, { probe: true });

    const { page: callerPage, caller } = await lab.openCaller(session.browser(), { probe: true });
    await lab.callAgent(caller);

    // The ringing banner is an alert that shows the caller's number.
    const banner = agentPage.getByRole('alert').filter({ hasText: '3001' });
    await banner.waitFor({ timeout: 10_000 });
    // S-1: the live ring count is a status inside the banner and shows the number.
    await expect.poll(() => banner.getByRole('status', { name: 'Ring count' }).textContent()).toMatch(/Ring 1\b/);
    await banner.getByRole('button', { name: 'Answer' }).click();
    await caller.waitForState('Established', 10_000);

    await expect.poll(async () => (await readAudioFlow(agentPage)).connectionState, { timeout: 10_000 }).toBe('connected');
    await expect.poll(async () => (await readAudioFlow(callerPage)).connectionState, { timeout: 10_000 }).toBe('connected');
    await expect.poll(async () => (await readAudioFlow(agentPage)).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(20);
    await expect.poll(async () => (await readAudioFlow(callerPage)).packetsReceived, { timeout: 10_000 }).toBeGreaterThan(20);

    // Hold opens the S-2 steps; choosing the promised time holds. The media is then inactive both
    // ways (the caller must not hear the agent while held).
    await agentPage.getByRole('button', { name: 'Hold', exact: true }).click();
    for (let step = 0; step < 3; step++) await agentPage.getByRole('button', { name: 'Next step' }).click();
    await agentPage.getByRole('button', { name: '30 seconds' }).click();
    await agentPage.getByRole('button', { name: 'Resume', exact: true }).waitFor();
    await expect.poll(() => agentPage.getByRole('timer', { name: 'Hold time' }).textContent()).toMatch(/^00:0\d \/ 00:30$/);
    await agentPage.waitForTimeout(300); // packets already in flight when the re-INVITE completed
    expect(await packetsInOneSecond(callerPage)).toBeLessThanOrEqual(2);
    expect(await packetsInOneSecond(agentPage)).toBeLessThanOrEqual(2);

    await agentPage.getByRole('button', { name: 'Resume', exact: true }).click();
    await agentPage.getByRole('button', { name: 'Hold', exact: true }).waitFor();
    await agentPage.getByRole('status').filter({ hasText: 'Thank the caller for waiting' }).waitFor();
    await expect.poll(() => packetsInOneSecond(callerPage), { timeout: 10_000 }).toBeGreaterThan(20);
    await expect.poll(() => packetsInOneSecond(agentPage), { timeout: 10_000 }).toBeGreaterThan(20);

    await agentPage.getByRole('button', { name: 'Hang up' }).click();
    await caller.waitForState('Terminated', 10_000);
    await expect.poll(() => agentPage.getByRole('button', { name: 'Hang up' }).count()).toBe(0);
    // Wrap-up starts at hang-up and ends when the agent finishes it.
    await agentPage.getByRole('timer', { name: 'Wrap-up time' }).waitFor();
    await agentPage.getByRole('button', { name: 'Finish wrap-up' }).click();
    await expect.poll(() => agentPage.getByRole('timer', { name: 'Wrap-up time' }).count()).toBe(0);
    await caller.stop();
    await agentPage.close();
    await callerPage.close();
  });
});
