// Issue 21 in the real Electron app (skipped where the Electron binary is absent, like
// electronShell.test.ts; the decisions themselves are unit-tested without Electron): a killed
// renderer is reloaded and the page says so; a third crash within a minute opens the fallback call
// window instead of reloading.
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDataDir } from '../support/webHost';

function electronBinary(): string | null {
  try {
    return createRequire(import.meta.url)('electron') as string;
  } catch {
    return null;
  }
}
const binary = electronBinary();

/** Kills the main window's renderer, the way a crash would (Electron emits render-process-gone). */
function crashMainWindow(app: ElectronApplication): Promise<void> {
  return app.evaluate(({ BrowserWindow }) => {
    const main = BrowserWindow.getAllWindows().find((w) => w.getTitle() !== 'Deskline — incoming calls' && w.webContents.getURL().startsWith('app://'));
    main?.webContents.forcefullyCrashRenderer();
  });
}

function mainWindowText(app: ElectronApplication): Promise<string> {
  return app.evaluate(async ({ BrowserWindow }) => {
    const main = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().startsWith('app://'));
    if (!main || main.webContents.isCrashed() || main.webContents.isLoading()) return '';
    return (await main.webContents.executeJavaScript('document.body.innerText', true)) as string;
  });
}

describe.skipIf(!binary)('Electron shell: renderer crash recovery', () => {
  const apps: ElectronApplication[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => {});
  });

  it('reloads a crashed window, which then says it restarted; the third crash in a minute opens the fallback window', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.join(repoRoot, '.out/main/electron-main.js'), '--data-dir', tempDataDir(), '--lang', 'en'],
    });
    apps.push(app);
    await app.firstWindow();
    await crashMainWindow(app);
    await expect.poll(() => mainWindowText(app), { timeout: 15_000 }).toContain('Window restarted after a problem');

    await crashMainWindow(app);
    await expect.poll(() => mainWindowText(app), { timeout: 15_000 }).toContain('Window restarted');
    await crashMainWindow(app);
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length), { timeout: 15_000 })
      .toBe(2);
  });
});
