// Shared set-up for e2e files that put a real WebRTC call through the workstation: Kamailio with
// the agent (1001) and a caller (3001), the caller page server, the agent's page registered through
// the Settings form, and the caller page ready to dial.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { callerOn, startCallerPageServer, type CallerHandle, type CallerPageServer } from '../callerPage/serveCallerPage';
import { startKamailio, type RunningKamailio } from '../kamailio/kamailioHarness';
import type { RunningWebHost } from '../webHost';
import { installPeerConnectionProbe } from './peerConnectionProbe';
import { registerWorkstation } from './workstationPhone';

export const agentAccount = { user: '1001', password: 'agent-secret', displayName: 'Agent Li' };
export const callerAccount = { user: '3001', password: 'caller-secret', displayName: 'Caller Wang' };

/** Starts Kamailio and the caller page server before the file's tests and stops them after. */
export function useWebRtcCallLab() {
  let kamailio: RunningKamailio | undefined;
  let callerServer: CallerPageServer | undefined;
  beforeAll(async () => {
    kamailio = await startKamailio({ users: [agentAccount, callerAccount].map(({ user, password }) => ({ user, password })) });
    callerServer = await startCallerPageServer();
  });
  afterAll(async () => {
    await callerServer?.close();
    await kamailio?.stop();
  });
  const lab = {
    kamailio: () => kamailio!,
    /** The agent's workstation in `page`, registered with Kamailio. */
    async openAgent(page: Page, host: RunningWebHost, options: { probe?: boolean } = {}): Promise<Page> {
      if (options.probe) await installPeerConnectionProbe(page);
      await page.goto(host.url);
      await registerWorkstation(page, kamailio!, agentAccount);
      return page;
    },
    /** A caller page (sip.js + WebRTC, fake microphone), registered and ready to call. */
    async openCaller(browser: Browser | BrowserContext, options: { probe?: boolean } = {}): Promise<{ page: Page; caller: CallerHandle }> {
      const page = await browser.newPage();
      if (options.probe) await installPeerConnectionProbe(page);
      await page.goto(callerServer!.url);
      const caller = callerOn(page);
      await caller.start({
        serverUrl: kamailio!.url,
        uri: `sip:${callerAccount.user}@${kamailio!.domain}`,
        authUser: callerAccount.user,
        password: callerAccount.password,
        displayName: callerAccount.displayName,
      });
      return { page, caller };
    },
    /** The caller calls the agent's workstation. */
    callAgent: (caller: CallerHandle) => caller.call(`sip:${agentAccount.user}@${kamailio!.domain}`),
  };
  return lab;
}
