// The caller page used by e2e tests and benches: two pages in Debian's Chromium register with a
// real Kamailio, call each other with real WebRTC audio, and hang up.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../../../support/browser';
import { startKamailio, type RunningKamailio } from '../../../support/kamailio/kamailioHarness';
import { callerOn, startCallerPageServer, type CallerHandle, type CallerPageServer } from '../../../support/callerPage/serveCallerPage';

// The harness authenticates REGISTER against these (digest), so every user needs a password.
const users = [
  { user: '2001', password: 'page-a-secret' },
  { user: '2002', password: 'page-b-secret' },
];

let kamailio: RunningKamailio | undefined;
let server: CallerPageServer | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!chromiumAvailable()) throw new Error('Debian chromium is required for the caller page test: apt-get install -y chromium');
  [kamailio, server, browser] = await Promise.all([startKamailio({ users }), startCallerPageServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.close(), kamailio?.stop()]);
});

async function openCaller(user: string): Promise<{ page: Page; caller: CallerHandle }> {
  const page = await browser!.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${user}: ${error.message}`));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(`${user}: ${m.text()}`));
  await page.goto(server!.url);
  const caller = callerOn(page);
  const { password } = users.find((u) => u.user === user)!;
  await caller.start({ serverUrl: kamailio!.url, uri: `sip:${user}@${kamailio!.domain}`, authUser: user, password, displayName: `Page ${user}` });
  return { page, caller };
}

/** Polls until `done` holds for the page's media stats; no timing is asserted, only progress. */
async function waitForMedia(caller: CallerHandle, done: (s: Awaited<ReturnType<CallerHandle['mediaStats']>>) => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const stats = await caller.mediaStats();
    if (done(stats)) return stats;
    if (Date.now() > deadline) throw new Error(`${what}: last stats ${JSON.stringify(stats)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('caller page', () => {
  it('calls another page with real WebRTC audio, media flows both ways, and a hang-up ends both sides', async () => {
    const a = await openCaller('2001');
    const b = await openCaller('2002');

    const answered = b.caller.answerNext(15_000);
    await a.caller.call('sip:2002@deskline.test');
    await answered;
    await a.caller.waitForState('Established', 15_000);
    await b.caller.waitForState('Established', 15_000);

    for (const [name, side] of [['A', a], ['B', b]] as const) {
      const connected = await waitForMedia(side.caller, (s) => s.connectionState === 'connected', `${name} connected`);
      // Keep polling until RTP has clearly been flowing for a while (20 ms packets: ~1 s).
      await waitForMedia(side.caller, (s) => s.packetsReceived > connected.packetsReceived + 50 && s.packetsSent > 50, `${name} packets`);
      // The remote stream plays in the page's <audio> element.
      expect(await side.page.evaluate(() => !document.querySelector('audio')!.paused)).toBe(true);
    }

    const timings = await a.caller.timings();
    expect(timings.inviteSentAt).not.toBeNull();
    expect(timings.establishedAt).not.toBeNull();

    await a.caller.hangUp();
    expect(await a.caller.state()).toBe('Terminated');
    await b.caller.waitForState('Terminated', 10_000);
    expect((await b.caller.mediaStats()).connectionState).toBeNull();

    // Ready for the next call (benches reuse one page for many calls).
    await a.caller.reset();
    expect(await a.caller.state()).toBe('none');
    expect(await a.caller.timings()).toEqual({ inviteSentAt: null, establishedAt: null });

    await Promise.all([a.caller.stop(), b.caller.stop()]);
    expect(pageErrors).toEqual([]);
  });

  it('rejects start() with the registrar’s reason when the password is wrong', async () => {
    const page = await browser!.newPage();
    await page.goto(server!.url);
    await expect(
      callerOn(page).start({ serverUrl: kamailio!.url, uri: `sip:2001@${kamailio!.domain}`, authUser: '2001', password: 'wrong', displayName: 'Wrong' }),
    ).rejects.toThrow(/REGISTER of 2001 refused: 403/);
    await page.close();
  });
});
