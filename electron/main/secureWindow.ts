// Secure window defaults in one place (VS Code's defaultBrowserWindowOptions): sandboxed, isolated,
// no Node in the page, no navigation away, no new windows, external links to the system browser,
// and web permissions only as permissionPolicy.ts decides.
import { BrowserWindow, shell, type BrowserWindowConstructorOptions } from 'electron';
import { externalUrlForWindowOpen, isNavigationAllowed } from './navigationPolicy';
import { chooseHidDevice, decideDevicePermission, decidePermissionCheck, decidePermissionRequest } from './permissionPolicy';

const hidChooserSessions = new WeakSet<Electron.Session>();

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
    const external = externalUrlForWindowOpen(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  // Without handlers Electron grants every permission (electron_permission_manager.cc).
  const { session } = window.webContents;
  session.setPermissionRequestHandler((_contents, permission, callback, details) => callback(decidePermissionRequest(permission, details)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => decidePermissionCheck(permission, requestingOrigin, details));
  // WebHID (headset call control): Electron has no device chooser; without a handler the request
  // is cancelled. Only Telephony devices, only for our page (permissionPolicy.ts).
  session.setDevicePermissionHandler((details) => decideDevicePermission(details));
  if (!hidChooserSessions.has(session)) {
    // One listener per session, however many windows share it (two would answer twice).
    hidChooserSessions.add(session);
    session.on('select-hid-device', (event, details, callback) => {
      event.preventDefault();
      const deviceId = chooseHidDevice(details.deviceList, details.frame?.url);
      if (deviceId) callback(deviceId);
      else callback(); // "passing no arguments to callback will cancel the request" (session.md)
    });
  }
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.once('ready-to-show', () => window.show());
  return window;
}
