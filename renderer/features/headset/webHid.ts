// The slice of WebHID (WICG spec; Chromium 89+) the headset feature uses. TypeScript's DOM library
// has no WebHID types, so they are declared here, with only what is read or called.
import type { HidCollectionLike } from '../../../shared/domain/hidTelephony';

export interface HidDeviceLike extends EventTarget {
  readonly opened: boolean;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  readonly collections: readonly HidCollectionLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  sendReport(reportId: number, data: Uint8Array): Promise<void>;
}

/** The `inputreport` event: data excludes the report id byte. */
export interface HidInputReportEventLike extends Event {
  readonly device: HidDeviceLike;
  readonly reportId: number;
  readonly data: DataView;
}

/** The `connect` / `disconnect` events on navigator.hid. */
export interface HidConnectionEventLike extends Event {
  readonly device: HidDeviceLike;
}

export interface HidDeviceFilter {
  usagePage?: number;
  usage?: number;
  vendorId?: number;
  productId?: number;
}

export interface HidLike extends EventTarget {
  getDevices(): Promise<HidDeviceLike[]>;
  requestDevice(options: { filters: HidDeviceFilter[]; exclusionFilters?: HidDeviceFilter[] }): Promise<HidDeviceLike[]>;
}

/** navigator.hid, or null where the browser has none (Firefox, Safari, an insecure origin). */
export function webHid(): HidLike | null {
  const hid = (navigator as Navigator & { hid?: HidLike }).hid;
  return hid ?? null;
}
