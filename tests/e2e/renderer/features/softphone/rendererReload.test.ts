// If the agent's page reloads during a call, the call stays up in the host (it owns SIP) and the
// audio comes back: the new page asks the host to renegotiate (re-INVITE with ICE restart).
import { describe, expect, it } from 'vitest';
import { useE2eSession } from '../../../../support/e2eSession';
import { useWebRtcCallLab } from '../../../../support/softphone/webRtcCallLab';
import { readAudioFlow, packetsInOneSecond } from '../../../../support/softphone/peerConnectionProbe';
import { tempDataDir } from '../../../../support/webHost';

const session = useE2eSession();
const lab = useWebRtcCallLab();

describe('softphone renderer reload', () => {
  it('keeps the call up across a page reload and re-establishes audio both ways', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const agentPage = await session.browser().newPage();
    await lab.openAgent(agentPage, host, { probe: true });

    const { page: callerPage, caller } = await lab.openCaller(session.browser(), { probe: true });
    await lab.callAgent(caller);
    await agentPage.getByRole('alert').filter({ hasText: '3001' }).getByRole('button', { name: 'Answer' }).click();
    await caller.waitForState('Established', 10_000);
    await expect.poll(() => packetsInOneSecond(callerPage), { timeout: 10_000 }).toBeGreaterThan(20);

    await agentPage.reload();
    // While the page is gone the caller hears nothing; the call itself is not ended.
    await agentPage.getByRole('button', { name: 'Hang up' }).waitFor({ timeout: 10_000 });
    expect(await caller.state()).toBe('Established');
    await expect.poll(async () => (await readAudioFlow(agentPage)).connectionState, { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => packetsInOneSecond(agentPage), { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(() => packetsInOneSecond(callerPage), { timeout: 15_000 }).toBeGreaterThan(20);

    await agentPage.getByRole('button', { name: 'Hang up' }).click();
    await caller.waitForState('Terminated', 10_000);
    await caller.stop();
    await agentPage.close();
    await callerPage.close();
  });

  it('a page reloaded while a call rings can still answer it with audio both ways', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const agentPage = await session.browser().newPage();
    await lab.openAgent(agentPage, host, { probe: true });

    const { page: callerPage, caller } = await lab.openCaller(session.browser(), { probe: true });
    await lab.callAgent(caller);
    await agentPage.getByRole('alert').filter({ hasText: '3001' }).waitFor({ timeout: 10_000 });
    // Wait until the first page has prepared its answer: the reloaded page must not be handed it.
    await expect
      .poll(() => agentPage.evaluate(() => (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections.some((pc) => pc.localDescription?.type === 'answer')))
      .toBe(true);
    await agentPage.reload();
    await agentPage.getByRole('alert').filter({ hasText: '3001' }).getByRole('button', { name: 'Answer' }).click();
    await caller.waitForState('Established', 10_000);
    await expect.poll(async () => (await readAudioFlow(agentPage)).connectionState, { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => packetsInOneSecond(agentPage), { timeout: 15_000 }).toBeGreaterThan(20);
    await expect.poll(() => packetsInOneSecond(callerPage), { timeout: 15_000 }).toBeGreaterThan(20);

    await agentPage.getByRole('button', { name: 'Hang up' }).click();
    await caller.waitForState('Terminated', 10_000);
    await caller.stop();
    await agentPage.close();
    await callerPage.close();
  });
});
