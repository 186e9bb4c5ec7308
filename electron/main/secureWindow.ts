// Secure window defaults in one place (VS Code's defaultBrowserWindowOptions): sandboxed, isolated,
// no Node in the page, no navigation away, no new windows, external links to the system browser.
import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron';
import { appOrigin } from './appProtocol';

export function createSecureWindow(preloadPath: string, extra: BrowserWindowConstructorOptions = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    show: false,
    ...extra,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!url.startsWith(appOrigin)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  return window;
}
