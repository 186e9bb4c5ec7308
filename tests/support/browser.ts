// Debian's Chromium driven by playwright-core (a test tool's own browser download cannot work here).
// playwright gives each launch a fresh temporary profile.
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.DESKLINE_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(chromiumPath);
}

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--allow-loopback-in-peer-connection',
      ...extraArgs,
    ],
  });
}
