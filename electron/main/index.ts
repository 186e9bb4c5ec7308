// The Electron shell: lifecycle, one secure window, the IPC binding, and the same loopback web
// binding as the web host (so a browser tab or a test can reach the running workstation too).
import { app, dialog, powerMonitor, safeStorage, type BrowserWindow } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { restrictNewFiles } from '../adapters/files/privateFiles';
import { createStderrLogger } from '../adapters/logging/stderrLogger';
import { parseHostOptions, readyLine } from '../host/hostOptions';
import { openHostCore, type HostCore } from '../host/openHostCore';
import { installProcessGuards } from '../host/processGuards';
import { startWebBinding } from '../host/webBinding';
import { appOrigin, registerAppScheme, serveRenderer } from './appProtocol';
import { createElectronStoreSettings } from './electronStoreSettings';
import { bindGlobalShortcuts } from './globalShortcuts';
import { bindRingAlert } from './ringAlert';
import { createFallbackCallController } from './fallbackCallController';
import { fallbackLanguage } from './fallbackCallPage';
import { openFallbackCallWindow } from './fallbackCallWindow';
import { bindRendererRecovery, type RendererRecovery } from './rendererRecovery';
import { systemClock } from '../core/kernel/systemClock';
import type { CallView } from '../../shared/contract/softphone';
import { bindIpc } from './ipcHost';
import { createElectronSecretStore } from './safeStorageSecretStore';
import { chooseDesktopKeyProtector } from './safeStorageKeyProtector';
import { createSecureWindow } from './secureWindow';
import { lockRefusedMessage, secondInstanceSteps } from './singleInstance';
import { startUtilityRebuildProcess } from './utilityRebuildProcess';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(here, '../renderer');
const preloadPath = path.join(here, 'preload.cjs');
const logger = createStderrLogger('electron');
// Issue 12: unexpected errors are logged and survived once ready (see processGuards.ts).
const processGuards = installProcessGuards({ logger });
// S-6: before anything (Chromium included) writes into the data folder, new files are this user's only.
restrictNewFiles();

const options = parseHostOptions(process.argv.slice(app.isPackaged ? 1 : 2));
app.setPath('userData', options.dataDir);
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  process.stderr.write(`${lockRefusedMessage(options.dataDir)}\n`);
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  await app.whenReady();
  serveRenderer(rendererDir);
  let hostCore: HostCore;
  // Issue 13: the data key is wrapped by safeStorage (after 'ready': Linux reports its backend only then).
  const keyProtector = chooseDesktopKeyProtector(safeStorage, {
    platform: process.platform,
    encryptionAvailable: safeStorage.isEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
  if (keyProtector.reason) logger.warn('A new data folder is not encrypted at rest', { reason: keyProtector.reason });
  try {
    hostCore = await openHostCore({
      host: 'electron',
      dataDir: options.dataDir,
      lang: options.lang,
      logger,
      createSettings: createElectronStoreSettings,
      secrets: createElectronSecretStore(options.dataDir, logger),
      startRebuildProcess: startUtilityRebuildProcess,
      encryption: { protector: keyProtector.protector },
    });
  } catch (error) {
    dialog.showErrorBox('Deskline cannot start', (error as Error).message);
    app.exit(1);
    return;
  }
  const { core } = hostCore;
  let mainWindow: BrowserWindow | null = null;
  // Issue 21: a crashed or hung window is reloaded; a crash loop gets the fallback call window.
  let recovery: RendererRecovery | null = null;
  const fallback = createFallbackCallController({
    phone: {
      calls: () => core.softphone?.service.state().calls ?? [],
      answerCall: async (callId) => core.softphone?.service.answerCall(callId),
      declineCall: async (callId) => core.softphone?.service.declineCall(callId),
    },
    lang: fallbackLanguage(options.lang ?? app.getLocale()),
    logger,
    openWindow: () => openFallbackCallWindow((url) => fallback.navigate(url), () => fallback.windowClosed()),
    reloadMainWindow: () => recovery?.reloadRequested(),
    onCallUpdated: (listener) =>
      core.eventHub.subscribe((event, payload) => {
        if (event === 'onCallUpdated') listener(payload as CallView);
      }),
    onRendererStarted: (listener) => core.shellNotices.onRendererStarted(listener),
  });
  const openWindow = () => {
    mainWindow = createSecureWindow(preloadPath, { title: 'Deskline' });
    recovery = bindRendererRecovery(mainWindow, {
      clock: systemClock,
      logger,
      windowRestarted: (reason) => core.shellNotices.windowRestarted(reason),
      showFallback: () => fallback.show(),
      closeFallback: () => fallback.close(),
    });
    void mainWindow.loadURL(`${appOrigin}/index.html`);
    mainWindow.on('closed', () => (mainWindow = null));
  };
  bindIpc(core);
  const binding = await startWebBinding({ core, rendererDir, port: options.port, logger });
  // Issue 13: the window may set up the first admin itself; a browser tab on the binding needs this code.
  const setupCode = await core.identity.setupCode();
  if (setupCode) process.stderr.write(`Deskline setup code: ${setupCode} (first start: enter it to create the first admin)\n`);
  openWindow();
  bindRingAlert(core.eventHub, () => mainWindow);
  const stopShortcuts = bindGlobalShortcuts(core, logger);
  // Waking from sleep or unlocking: the SIP connection is probably gone; reconnect now.
  powerMonitor.on('resume', () => core.softphone?.service.networkChanged());
  powerMonitor.on('unlock-screen', () => core.softphone?.service.networkChanged());
  process.stdout.write(`${readyLine(binding.port, binding.token)}\n`);
  processGuards.markReady();

  // The second instance's arguments are ignored on purpose (singleInstance.ts).
  app.on('second-instance', () => {
    const win = mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
    const state = win ? { exists: true as const, minimized: win.isMinimized(), visible: win.isVisible() } : { exists: false as const };
    for (const step of secondInstanceSteps(state)) {
      if (step === 'open') openWindow();
      else if (step === 'restore') win?.restore();
      else if (step === 'show') win?.show();
      else win?.focus();
    }
  });
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => recovery?.quitting());
  app.on('will-quit', () => {
    fallback.close();
    stopShortcuts();
    void binding.close();
    void hostCore.close();
  });
}
