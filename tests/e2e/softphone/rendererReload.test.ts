// If the agent's page reloads during a call, the call stays up in the host (it owns SIP) and the
// audio comes back: the new page asks the host to renegotiate (re-INVITE with ICE restart).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerOn, startCallerPageServer } from '../../support/callerPage/serveCallerPage';
import { useE2eSession } from '../../support/e2eSession';
import { startKamailio, type RunningKamailio } from '../../support/kamailio/kamailioHarness';
import { installPeerConnectionProbe, readAudioFlow } from '../../support/softphone/peerConnectionProbe';
import { registerWorkstation } from '../../support/softphone/workstationPhone';
import { tempDataDir } from '../../support/webHost';

const session = useE2eSession();
let kamailio: RunningKamailio;
let callerServer: Awaited<ReturnType<typeof startCallerPageServer>>;

beforeAll(async () => {
  kamailio = await startKamailio({ users: [{ user: '1001', password: 'agent-secret' }, { user: '3001', password: 'caller-secret' }] });
  callerServer = await startCallerPageServer();
});
afterAll(async () => {
  await callerServer?.close();
  await kamailio?.stop();
});

async function packetsInOneSecond(page: Page): Promise<number> {
  const before = (await readAudioFlow(page)).packetsReceived;
  await page.waitForTimeout(1_000);
  return (await readAudioFlow(page)).packetsReceived - before;
}

describe('softphone renderer reload', () => {
  it('keeps the call up across a page reload and re-establishes audio both ways', async () => {
    const host = await session.start({ dataDir: tempDataDir(), lang: 'en' });
    const agentPage = await session.browser().newPage();
    await installPeerConnectionProbe(agentPage);
    await agentPage.goto(host.url);
    await registerWorkstation(agentPage, kamailio, { user: '1001', password: 'agent-secret', displayName: 'Agent Li' });

    const callerPage = await session.browser().newPage();
    await installPeerConnectionProbe(callerPage);
    await callerPage.goto(callerServer.url);
    const caller = callerOn(callerPage);
    await caller.start({ serverUrl: kamailio.url, uri: `sip:3001@${kamailio.domain}`, authUser: '3001', password: 'caller-secret', displayName: 'Caller Wang' });
    await caller.call(`sip:1001@${kamailio.domain}`);
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
    await installPeerConnectionProbe(agentPage);
    await agentPage.goto(host.url);
    await registerWorkstation(agentPage, kamailio, { user: '1001', password: 'agent-secret', displayName: 'Agent Li' });

    const callerPage = await session.browser().newPage();
    await installPeerConnectionProbe(callerPage);
    await callerPage.goto(callerServer.url);
    const caller = callerOn(callerPage);
    await caller.start({ serverUrl: kamailio.url, uri: `sip:3001@${kamailio.domain}`, authUser: '3001', password: 'caller-secret', displayName: 'Caller Wang' });
    await caller.call(`sip:1001@${kamailio.domain}`);
    await agentPage.getByRole('alert').filter({ hasText: '3001' }).waitFor({ timeout: 10_000 });
    // The first page has prepared its answer by now; the reloaded page must not be handed it.
    await agentPage.waitForTimeout(500);
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
