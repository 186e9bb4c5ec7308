// A fake WebHID headset injected into a page before its scripts run: navigator.hid with
// getDevices/requestDevice and connect events, one HIDDevice with the given collections that
// records every output report, and a way for the test to send input reports (a DataView, as
// Chromium delivers them). Grants survive a reload (sessionStorage), like a real permission.
import type { Page } from 'playwright-core';

export interface FakeHeadsetSpec {
  productName: string;
  vendorId: number;
  productId: number;
  collections: unknown;
}

interface FakeHidWindow {
  __fakeHid: {
    input(reportId: number, bytes: number[]): void;
    plug(connected: boolean): void;
    sent: [number, number[]][];
    requests: unknown[];
  };
}

export async function installFakeHid(page: Page, spec: FakeHeadsetSpec): Promise<void> {
  await page.addInitScript((headset: FakeHeadsetSpec) => {
    class FakeDevice extends EventTarget {
      opened = false;
      readonly vendorId = headset.vendorId;
      readonly productId = headset.productId;
      readonly productName = headset.productName;
      readonly collections = headset.collections;
      async open() {
        this.opened = true;
      }
      async close() {
        this.opened = false;
      }
      async sendReport(reportId: number, data: ArrayBufferView) {
        if (!this.opened) throw new DOMException('The device must be opened first.', 'InvalidStateError');
        state.sent.push([reportId, [...new Uint8Array(data.buffer, data.byteOffset, data.byteLength)]]);
      }
    }
    const device = new FakeDevice();
    const hid = new EventTarget() as EventTarget & Record<string, unknown>;
    const grantKey = 'fake-hid-granted';
    hid.getDevices = async () => (sessionStorage.getItem(grantKey) ? [device] : []);
    hid.requestDevice = async (options: unknown) => {
      state.requests.push(options);
      sessionStorage.setItem(grantKey, '1');
      return [device];
    };
    Object.defineProperty(Navigator.prototype, 'hid', { get: () => hid, configurable: true });
    const state: FakeHidWindow['__fakeHid'] = {
      sent: [],
      requests: [],
      input(reportId, bytes) {
        const event = new Event('inputreport');
        Object.defineProperties(event, {
          device: { value: device },
          reportId: { value: reportId },
          data: { value: new DataView(new Uint8Array(bytes).buffer) },
        });
        device.dispatchEvent(event);
      },
      plug(connected) {
        if (!connected) device.opened = false; // an unplugged device is closed
        const event = new Event(connected ? 'connect' : 'disconnect');
        Object.defineProperty(event, 'device', { value: device });
        hid.dispatchEvent(event);
      },
    };
    (window as unknown as FakeHidWindow).__fakeHid = state;
  }, spec);
}

/** The headset sends an input report (data without the report id byte). */
export function sendInputReport(page: Page, reportId: number, bytes: readonly number[]): Promise<void> {
  return page.evaluate(([id, data]) => (window as unknown as FakeHidWindow).__fakeHid.input(id, data), [reportId, [...bytes]] as [number, number[]]);
}

/** Output reports the page sent, oldest first. */
export function sentOutputReports(page: Page): Promise<[number, number[]][]> {
  return page.evaluate(() => (window as unknown as FakeHidWindow).__fakeHid.sent);
}

export function deviceRequests(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as FakeHidWindow).__fakeHid.requests);
}

/** The headset is unplugged (false) or plugged in again (true): navigator.hid's events. */
export function plugHeadset(page: Page, connected: boolean): Promise<void> {
  return page.evaluate((value) => (window as unknown as FakeHidWindow).__fakeHid.plug(value), connected);
}
