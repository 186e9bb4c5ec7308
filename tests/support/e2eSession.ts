// Shared set-up for e2e files: one Chromium per file, and web hosts that are all stopped after it.
// Pages open signed in as the host's default person (the old --role argument picks which).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumAvailable, launchChromium } from './browser';
import { signedInBrowser } from './identity/signedInPages';
import { startWebHost, type RunningWebHost } from './webHost';

export function useE2eSession() {
  let browser: Browser | undefined;
  const hosts: RunningWebHost[] = [];
  beforeAll(async () => {
    if (!chromiumAvailable()) throw new Error('Debian chromium is required for e2e tests: apt-get install -y chromium');
    // Issue 13: pages open signed in as each host's default person (see identity/signedInPages.ts).
    browser = signedInBrowser(await launchChromium());
  });
  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    await browser?.close();
  });
  return {
    browser: () => browser!,
    async start(options: Parameters<typeof startWebHost>[0]) {
      const host = await startWebHost(options);
      hosts.push(host);
      return host;
    },
  };
}
