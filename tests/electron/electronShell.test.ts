// The real Electron app, driven by playwright's _electron. Runs where the Electron binary is
// installed; here (ELECTRON_SKIP_BINARY_DOWNLOAD=1) it skips and says why. The shell's code is
// still type-checked against the electron package's types by `npm run typecheck`.
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDataDir } from '../support/webHost';
import { signInElectronWindowAsAgent } from '../support/identity/electronWindow';

function electronBinary(): string | null {
  try {
    return createRequire(import.meta.url)('electron') as string;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log('Electron tests skipped: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1 or a failed download); the web host tests cover the shared core and renderer.');
}

describe.skipIf(!binary)('Electron shell', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('opens one sandboxed window whose agent state survives a restart', async () => {
    const dataDir = tempDataDir();
    const launch = async () => {
      const app = await electron.launch({
        executablePath: binary!,
        args: [path.join(repoRoot, '.out/main/electron-main.js'), '--data-dir', dataDir, '--lang', 'en'],
      });
      cleanups.push(() => app.close().catch(() => {}));
      return app;
    };
    const app = await launch();
    const page = await app.firstWindow();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      return (wc as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

    await signInElectronWindowAsAgent(page); // issue 13
    await page.getByRole('combobox', { name: 'Agent state' }).selectOption({ label: 'Not ready — Break' });
    await expect.poll(() => page.getByRole('combobox', { name: 'Agent state' }).inputValue()).toBe('notReady:break');
    await app.close();

    const again = await launch();
    const page2 = await again.firstWindow();
    await signInElectronWindowAsAgent(page2);
    await expect.poll(() => page2.getByRole('combobox', { name: 'Agent state' }).inputValue()).toBe('notReady:break');
    await again.close();
  });
});
