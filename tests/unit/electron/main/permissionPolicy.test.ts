// Web permissions with the names and `details` Electron documents (docs/api/session.md:
// ses.setPermissionRequestHandler / setPermissionCheckHandler; structures/permission-request.md:
// requestingUrl "the last URL the requesting frame loaded", isMainFrame; structures/
// media-access-permission-request.md: mediaTypes "elements can be video or audio",
// securityOrigin). Without handlers Electron grants every request and every check
// (shell/browser/electron_permission_manager.cc), which is what the shell did before issue 12.
import { describe, expect, it } from 'vitest';
import {
  chooseHidDevice,
  decideDevicePermission,
  decidePermissionCheck,
  decidePermissionRequest,
  type HidDeviceDetails,
  type PermissionRequestDetails,
} from '../../../../electron/main/permissionPolicy';
import { jabraEvolve2, polyBlackwire } from '../../../fixtures/hid/telephonyHeadsets';

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
  'clipboard-read', 'clipboard-sanitized-write', 'geolocation', 'fullscreen', 'idle-detection', 'mediaKeySystem',
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

// WebHID with the shapes Electron documents: `select-hid-device` details.deviceList holds
// HIDDevice {deviceId, name, vendorId, productId, serialNumber?, guid?, collections}
// (structures/hid-device.md); ses.setDevicePermissionHandler gets {deviceType: 'hid' | 'serial' |
// 'usb', origin, device}; the permission check is named 'hid'.
describe('WebHID for telephony headsets', () => {
  const jabra: HidDeviceDetails = { deviceId: '1', name: jabraEvolve2.productName, vendorId: 0x0b0e, productId: 0x030c, collections: jabraEvolve2.collections };
  const poly: HidDeviceDetails = { deviceId: '2', name: polyBlackwire.productName, vendorId: 0x047f, productId: 0xc056, guid: 'g', collections: polyBlackwire.collections };
  const keyboard: HidDeviceDetails = {
    deviceId: '3',
    name: 'Keyboard',
    vendorId: 0x046d,
    productId: 0xc31c,
    collections: [{ usagePage: 0x01, usage: 0x06, children: [], inputReports: [], outputReports: [] }],
  };
  const securityKey: HidDeviceDetails = { deviceId: '4', name: 'Security key', vendorId: 0x1050, productId: 0x0407, collections: [{ usagePage: 0xf1d0, usage: 0x01 }] };

  it("the 'hid' permission check opens navigator.hid to our page only", () => {
    expect(decidePermissionCheck('hid', 'app://deskline/', { requestingUrl: 'app://deskline/index.html', isMainFrame: true })).toBe(true);
    expect(decidePermissionCheck('hid', 'https://evil.example/', { requestingUrl: 'https://evil.example/', isMainFrame: true })).toBe(false);
    expect(decidePermissionCheck('hid', 'app://deskline/', { embeddingOrigin: 'https://evil.example/' })).toBe(false);
  });

  it('grants device permission for a Telephony headset to our origin, nothing else', () => {
    expect(decideDevicePermission({ deviceType: 'hid', origin: 'app://deskline', device: jabra })).toBe(true);
    expect(decideDevicePermission({ deviceType: 'hid', origin: 'app://deskline/', device: poly })).toBe(true);
    expect(decideDevicePermission({ deviceType: 'hid', origin: 'app://deskline', device: keyboard })).toBe(false);
    expect(decideDevicePermission({ deviceType: 'hid', origin: 'app://deskline', device: securityKey })).toBe(false);
    expect(decideDevicePermission({ deviceType: 'hid', origin: 'app://deskline', device: { deviceId: '5' } })).toBe(false);
    expect(decideDevicePermission({ deviceType: 'hid', origin: 'https://evil.example', device: jabra })).toBe(false);
    expect(decideDevicePermission({ deviceType: 'usb', origin: 'app://deskline', device: jabra })).toBe(false);
    expect(decideDevicePermission({ deviceType: 'serial', origin: 'app://deskline', device: { portId: '1', portName: 'COM1' } })).toBe(false);
  });

  it('select-hid-device picks the first Telephony device for our page, and cancels otherwise', () => {
    expect(chooseHidDevice([keyboard, poly, jabra], 'app://deskline/index.html')).toBe('2');
    expect(chooseHidDevice([keyboard, securityKey], 'app://deskline/index.html')).toBeNull();
    expect(chooseHidDevice([], 'app://deskline/index.html')).toBeNull();
    expect(chooseHidDevice([jabra], 'https://evil.example/')).toBeNull();
    expect(chooseHidDevice([jabra], undefined)).toBeNull(); // the frame is gone
  });
});
