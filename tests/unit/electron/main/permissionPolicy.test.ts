// Web permissions with the names and `details` Electron documents (docs/api/session.md:
// ses.setPermissionRequestHandler / setPermissionCheckHandler; structures/permission-request.md:
// requestingUrl "the last URL the requesting frame loaded", isMainFrame; structures/
// media-access-permission-request.md: mediaTypes "elements can be video or audio",
// securityOrigin). Without handlers Electron grants every request and every check
// (shell/browser/electron_permission_manager.cc), which is what the shell did before issue 12.
import { describe, expect, it } from 'vitest';
import { decidePermissionCheck, decidePermissionRequest, type PermissionRequestDetails } from '../../../../electron/main/permissionPolicy';

// Chromium hands origins over as URLs (GURL::spec): with the trailing slash.
const ours: PermissionRequestDetails = { requestingUrl: 'app://deskline/index.html', isMainFrame: true };
const mic: PermissionRequestDetails = { ...ours, mediaTypes: ['audio'], securityOrigin: 'app://deskline/' };

// Every other value of `permission` in Electron 41's setPermissionRequestHandler typings.
const otherRequestPermissions = [
  'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'fullscreen', 'geolocation', 'idle-detection',
  'mediaKeySystem', 'midi', 'midiSysex', 'pointerLock', 'keyboardLock', 'openExternal', 'speaker-selection',
  'storage-access', 'top-level-storage-access', 'window-management', 'unknown', 'fileSystem',
];
// … and of setPermissionCheckHandler.
const otherCheckPermissions = [
  'clipboard-read', 'clipboard-sanitized-write', 'geolocation', 'fullscreen', 'hid', 'idle-detection', 'mediaKeySystem',
  'midi', 'midiSysex', 'openExternal', 'pointerLock', 'serial', 'storage-access', 'top-level-storage-access', 'usb',
  'deprecated-sync-clipboard-read', 'fileSystem',
];

describe('decidePermissionRequest', () => {
  it('grants the microphone to the main frame of our page', () => {
    expect(decidePermissionRequest('media', mic)).toBe(true);
    expect(decidePermissionRequest('media', { ...mic, securityOrigin: undefined })).toBe(true);
  });

  it('refuses a media request that asks for the camera, or names no media type', () => {
    expect(decidePermissionRequest('media', { ...mic, mediaTypes: ['video'] })).toBe(false);
    expect(decidePermissionRequest('media', { ...mic, mediaTypes: ['audio', 'video'] })).toBe(false);
    expect(decidePermissionRequest('media', { ...mic, mediaTypes: [] })).toBe(false);
    expect(decidePermissionRequest('media', { ...mic, mediaTypes: undefined })).toBe(false);
  });

  it('grants desktop notifications (ringing and callback alerts) to our main frame', () => {
    expect(decidePermissionRequest('notifications', ours)).toBe(true);
  });

  it('refuses media and notifications to subframes and to any other page', () => {
    expect(decidePermissionRequest('media', { ...mic, isMainFrame: false })).toBe(false);
    expect(decidePermissionRequest('notifications', { ...ours, isMainFrame: false })).toBe(false);
    for (const requestingUrl of ['https://evil.example/', 'file:///tmp/index.html', 'app://evil/index.html', 'about:blank', '', 'devtools://devtools/bundled/devtools_app.html']) {
      expect(decidePermissionRequest('media', { ...mic, requestingUrl }), requestingUrl).toBe(false);
      expect(decidePermissionRequest('notifications', { ...ours, requestingUrl }), requestingUrl).toBe(false);
    }
    expect(decidePermissionRequest('media', { ...mic, securityOrigin: 'https://evil.example/' })).toBe(false);
    expect(decidePermissionRequest('media', {})).toBe(false);
  });

  it('refuses every other permission, even to our own main frame', () => {
    for (const permission of otherRequestPermissions) {
      expect(decidePermissionRequest(permission, { ...ours, mediaTypes: ['audio'] }), permission).toBe(false);
    }
  });
});

describe('decidePermissionCheck', () => {
  it('grants the audio check of our page and refuses video and unknown', () => {
    const details = { isMainFrame: true, requestingUrl: 'app://deskline/index.html', securityOrigin: 'app://deskline/' };
    expect(decidePermissionCheck('media', 'app://deskline/', { ...details, mediaType: 'audio' })).toBe(true);
    expect(decidePermissionCheck('media', 'app://deskline', { ...details, mediaType: 'audio' })).toBe(true);
    expect(decidePermissionCheck('media', 'app://deskline/', { ...details, mediaType: 'video' })).toBe(false);
    expect(decidePermissionCheck('media', 'app://deskline/', { ...details, mediaType: 'unknown' })).toBe(false);
    expect(decidePermissionCheck('media', 'app://deskline/', { ...details })).toBe(false);
  });

  it('grants the notification check as Electron makes it: null webContents, isMainFrame false, embeddingOrigin ours', () => {
    expect(decidePermissionCheck('notifications', 'app://deskline/', { isMainFrame: false, embeddingOrigin: 'app://deskline/' })).toBe(true);
    expect(decidePermissionCheck('notifications', 'app://deskline/', { isMainFrame: true, requestingUrl: 'app://deskline/index.html' })).toBe(true);
  });

  it('refuses checks from other origins, or embedded in another origin', () => {
    for (const origin of ['https://evil.example/', 'file:///', 'null', '', 'app://evil/']) {
      expect(decidePermissionCheck('notifications', origin, { isMainFrame: true }), origin).toBe(false);
      expect(decidePermissionCheck('media', origin, { isMainFrame: true, mediaType: 'audio' }), origin).toBe(false);
    }
    expect(decidePermissionCheck('media', 'app://deskline/', { isMainFrame: false, mediaType: 'audio', embeddingOrigin: 'https://evil.example/' })).toBe(false);
    expect(decidePermissionCheck('notifications', 'app://deskline/', { isMainFrame: true, requestingUrl: 'https://evil.example/' })).toBe(false);
  });

  it('refuses every other permission check, even from our own page', () => {
    for (const permission of otherCheckPermissions) {
      expect(decidePermissionCheck(permission, 'app://deskline/', { isMainFrame: true, requestingUrl: 'app://deskline/index.html', mediaType: 'audio' }), permission).toBe(false);
    }
  });
});
