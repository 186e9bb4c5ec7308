// The BrowserWindow behind the fallback call page (issue 21): small, always on top, sandboxed and
// isolated, no preload, JavaScript off; every navigation is prevented and handed to the
// controller (the page's buttons are links), new windows are refused. It shares the default
// session on purpose: app://deskline/… navigations reach 'will-navigate' there (the main window's
// navigation policy relies on the same), and that session's permission handlers grant nothing to
// a page that is not ours (permissionPolicy.ts); a page without script asks for nothing anyway.
import { BrowserWindow } from 'electron';
import type { FallbackWindowPort } from './fallbackCallController';
import { fallbackPageUrl } from './fallbackCallPage';

export function openFallbackCallWindow(onNavigate: (url: string) => void, onClosedByUser: () => void): FallbackWindowPort {
  const window = new BrowserWindow({
    width: 420,
    height: 320,
    title: 'Deskline',
    alwaysOnTop: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    onNavigate(event.url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  let closing = false;
  window.on('closed', () => {
    if (!closing) onClosedByUser();
  });
  return {
    show(html) {
      if (window.isDestroyed()) return;
      // loadURL is itself a navigation but not renderer-initiated, so 'will-navigate' does not see it.
      void window.loadURL(fallbackPageUrl(html)).catch(() => undefined);
      window.showInactive();
    },
    close() {
      closing = true;
      if (!window.isDestroyed()) window.close();
    },
  };
}
