// Shared set-up for tests that call real SIP phones: rtpengine (the RTP <-> WebRTC bridge),
// Kamailio with the bridge and a UDP listener, and baresip phones registered over UDP. The agent's
// workstation registers over WebSocket as usual, so every call crosses the bridge.
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startBaresip, type BaresipOptions, type RunningBaresip } from '../baresip/baresipHarness';
import { startKamailio, type RunningKamailio } from '../kamailio/kamailioHarness';
import { startRtpengine, type RunningRtpengine } from '../rtpengine/rtpengineHarness';
import type { RunningWebHost } from '../webHost';
import { installPeerConnectionProbe } from './peerConnectionProbe';
import { registerWorkstation } from './workstationPhone';

export const agentAccount = { user: '1001', password: 'agent-secret', displayName: 'Agent Li' };
export const phoneAccounts = [
  { user: '2001', password: 'phone-secret' },
  { user: '2002', password: 'phone-secret' },
];

export function useBridgeLab() {
  let rtpengine: RunningRtpengine | undefined;
  let kamailio: RunningKamailio | undefined;
  const phones: RunningBaresip[] = [];
  beforeAll(async () => {
    rtpengine = await startRtpengine();
    kamailio = await startKamailio({ users: [agentAccount, ...phoneAccounts], bridge: { rtpengineSocket: rtpengine.controlSocket } });
  });
  afterEach(async () => {
    await Promise.all(phones.splice(0).map((p) => p.stop()));
  });
  afterAll(async () => {
    await kamailio?.stop();
    await rtpengine?.stop();
  });
  return {
    kamailio: () => kamailio!,
    rtpengine: () => rtpengine!,
    agentUri: () => `sip:${agentAccount.user}@${kamailio!.domain}`,
    /** A baresip phone registered as 2001 (or the given account); stopped after the test. */
    async startPhone(options: Partial<Omit<BaresipOptions, 'kamailio'>> = {}): Promise<RunningBaresip> {
      const phone = await startBaresip({ ...phoneAccounts[0]!, ...options, kamailio: kamailio! });
      phones.push(phone);
      return phone;
    },
    async openAgent(page: Page, host: RunningWebHost): Promise<Page> {
      await installPeerConnectionProbe(page);
      await page.goto(host.url);
      await registerWorkstation(page, kamailio!, agentAccount);
      return page;
    },
  };
}
