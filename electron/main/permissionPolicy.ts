// Which web permissions the page gets: the microphone (calls), desktop notifications (ringing
// and callback alerts) and WebHID telephony headsets (call buttons), to our own page only;
// everything else is refused. Pure, so it is
// tested with the permission names and `details` Electron documents (docs/api/session.md,
// ses.setPermissionRequestHandler / ses.setPermissionCheckHandler; structures/permission-request.md,
// structures/media-access-permission-request.md; ses.setDevicePermissionHandler, the
// `select-hid-device` event and structures/hid-device.md for WebHID).
import { hasTelephonyCollection, type HidCollectionLike } from '../../shared/domain/hidTelephony';
import { isAppUrl } from './appOrigin';

/** `details` of ses.setPermissionRequestHandler (PermissionRequest + MediaAccessPermissionRequest). */
export interface PermissionRequestDetails {
  /** "The last URL the requesting frame loaded". */
  readonly requestingUrl?: string;
  /** "Whether the frame making the request is the main frame". */
  readonly isMainFrame?: boolean;
  /** `media` only: "elements can be `video` or `audio`". */
  readonly mediaTypes?: readonly string[];
  /** `media` only: "The security origin of the `media` request". */
  readonly securityOrigin?: string;
}

/** `details` of ses.setPermissionCheckHandler (PermissionCheckHandlerHandlerDetails). */
export interface PermissionCheckDetails {
  /** "Only set for cross-origin sub frames making permission checks." */
  readonly embeddingOrigin?: string;
  readonly securityOrigin?: string;
  /** `media` only: "can be `video`, `audio` or `unknown`". */
  readonly mediaType?: string;
  readonly requestingUrl?: string;
  readonly isMainFrame?: boolean;
}

/*
 * Why exactly these (plus `hid` below, for the headset):
 * - `media` with audio only: the softphone calls getUserMedia({audio: true, video: false})
 *   (renderer/features/softphone/media/callMedia.ts, audioDeviceChoice.ts). No camera is ever
 *   used, so a request that includes `video` is refused whole. Chromium also gates device labels
 *   (the microphone/speaker pickers) and setSinkId on this microphone grant.
 * - `notifications`: an incoming call raises a desktop notification while the agent works in
 *   another window (renderer/features/softphone/useIncomingCallAlerts.ts, S-1.1 answer within
 *   three rings), and a callback falling due raises one (renderer/features/clocks/
 *   useCallbackDueNotifications.ts, S-4 time limit). Both ask Notification.requestPermission().
 * Refused, though the page might ask: `speaker-selection` (the selectAudioOutput() picker; the app
 * chooses outputs itself with setSinkId), clipboard-read (paste arrives as a paste event without
 * it), fullscreen, display-capture, geolocation, openExternal (links go through
 * setWindowOpenHandler), pointerLock, keyboardLock, midi, and `unknown`.
 */

function ownMainFrame(isMainFrame: boolean | undefined, url: string | undefined): boolean {
  return isMainFrame === true && isAppUrl(url);
}

/** Decision for ses.setPermissionRequestHandler: call back with this boolean. */
export function decidePermissionRequest(permission: string, details: PermissionRequestDetails): boolean {
  if (!ownMainFrame(details.isMainFrame, details.requestingUrl)) return false;
  switch (permission) {
    case 'media': {
      const types = details.mediaTypes ?? [];
      if (details.securityOrigin !== undefined && !isAppUrl(details.securityOrigin)) return false;
      return types.length > 0 && types.every((type) => type === 'audio');
    }
    case 'notifications':
      return true;
    default:
      return false;
  }
}

/**
 * Decision for ses.setPermissionCheckHandler (return it). `requestingOrigin` is "the origin URL of
 * the permission check" (Chromium passes the origin as a URL: "app://deskline/"). Notification
 * checks come with a null webContents (docs), and then Electron reports `isMainFrame: false` and
 * sets `embeddingOrigin` even for our own page (shell/browser/electron_permission_manager.cc,
 * GetPermissionStatus), so main-frame-ness cannot be required here: every origin that is given
 * must be ours instead. The page's CSP (default-src 'none') allows no frames at all.
 */
export function decidePermissionCheck(permission: string, requestingOrigin: string, details: PermissionCheckDetails): boolean {
  if (!isAppUrl(requestingOrigin)) return false;
  for (const other of [details.embeddingOrigin, details.requestingUrl, details.securityOrigin]) {
    if (other !== undefined && other !== '' && !isAppUrl(other)) return false; // '' = no such frame
  }
  switch (permission) {
    case 'media':
      return details.mediaType === 'audio';
    case 'notifications':
      return true;
    case 'hid':
      // WebHID for the headset's call buttons (renderer/features/headset): the check only opens
      // navigator.hid to our page; which devices it may use is decideDevicePermission's call.
      return true;
    default:
      return false;
  }
}

/** HIDDevice as Electron documents it (structures/hid-device.md), the parts decided on. */
export interface HidDeviceDetails {
  readonly deviceId: string;
  readonly name?: string;
  readonly vendorId?: number;
  readonly productId?: number;
  readonly serialNumber?: string;
  readonly guid?: string;
  /** "an array of report formats" — the WebHID collections (usagePage, usage, reports, children). */
  readonly collections?: readonly HidCollectionLike[];
}

/** `details` of ses.setDevicePermissionHandler (DevicePermissionHandlerHandlerDetails). */
export interface DevicePermissionDetails {
  readonly deviceType: string;
  /** "The origin URL of the device permission check." */
  readonly origin: string;
  readonly device: unknown;
}

function isTelephonyHid(device: unknown): boolean {
  if (typeof device !== 'object' || device === null) return false;
  const { collections } = device as HidDeviceDetails;
  return Array.isArray(collections) && hasTelephonyCollection(collections);
}

/**
 * Decision for ses.setDevicePermissionHandler: only HID devices, only for our own page, and only
 * ones with a Telephony collection (usage page 0x0B: headsets' hook switch, mute and LEDs). A
 * keyboard, a security key or a serial/USB device is never handed to the page.
 */
export function decideDevicePermission(details: DevicePermissionDetails): boolean {
  return details.deviceType === 'hid' && isAppUrl(details.origin) && isTelephonyHid(details.device);
}

/**
 * Answer to the `select-hid-device` event (callback(deviceId), or null to cancel): Electron shows
 * no chooser, so navigator.hid.requestDevice({filters: [{usagePage: 0x0B}]}) from "Connect
 * headset" gets the first Telephony device in `details.deviceList`, asked by our own page only
 * (`requestingUrl` = details.frame?.url). Which of several headsets the agent keeps is remembered
 * by the page itself per vendor/product, which reconnects through navigator.hid.getDevices().
 */
export function chooseHidDevice(deviceList: readonly HidDeviceDetails[], requestingUrl: string | undefined): string | null {
  if (!isAppUrl(requestingUrl)) return null;
  return deviceList.find(isTelephonyHid)?.deviceId ?? null;
}
