// One open headset over a fake HIDDevice (the WebHID port): events from input reports, LED
// reports sent in order and only on a change, a device without call buttons refused.
import { describe, expect, it } from 'vitest';
import { ledsOff, type HeadsetEvent } from '../../../../../shared/domain/hidTelephony';
import { HeadsetLink, NoCallButtonsError } from '../../../../../renderer/features/headset/headsetLink';
import type { HidDeviceLike } from '../../../../../renderer/features/headset/webHid';
import { jabraEvolve2, jabraReports, polyBlackwire } from '../../../../fixtures/hid/telephonyHeadsets';

class FakeHidDevice extends EventTarget implements HidDeviceLike {
  opened = false;
  sent: [number, number[]][] = [];
  failNext = false;
  constructor(
    readonly productName: string,
    readonly collections: HidDeviceLike['collections'],
    readonly vendorId = 1,
    readonly productId = 2,
  ) {
    super();
  }
  async open() {
    this.opened = true;
  }
  async close() {
    this.opened = false;
  }
  async sendReport(reportId: number, data: Uint8Array) {
    if (this.failNext) {
      this.failNext = false;
      throw new DOMException('Failed to write the report.', 'NotAllowedError');
    }
    this.sent.push([reportId, [...data]]);
  }
  input(reportId: number, bytes: number[]) {
    const event = Object.assign(new Event('inputreport'), { device: this, reportId, data: new DataView(new Uint8Array(bytes).buffer) });
    this.dispatchEvent(event);
  }
}

describe('HeadsetLink', () => {
  it('opens the device and turns its reports into events until closed', async () => {
    const device = new FakeHidDevice(jabraEvolve2.productName, jabraEvolve2.collections);
    const events: HeadsetEvent[] = [];
    const link = await HeadsetLink.open(device, (e) => events.push(e));
    expect(device.opened).toBe(true);
    device.input(2, jabraReports.offHook);
    device.input(2, jabraReports.mutePressedOffHook);
    link.close();
    device.input(2, jabraReports.onHook);
    expect(events).toEqual([{ type: 'offHook' }, { type: 'muteToggle' }]);
  });

  it('sends LED reports only when they change, and again after a failed send', async () => {
    const device = new FakeHidDevice(polyBlackwire.productName, polyBlackwire.collections);
    const link = await HeadsetLink.open(device, () => undefined);
    await link.showLeds({ ...ledsOff, ring: true });
    await link.showLeds({ ...ledsOff, ring: true });
    device.failNext = true;
    await link.showLeds({ ...ledsOff, offHook: true });
    await link.showLeds({ ...ledsOff, offHook: true });
    expect(device.sent).toEqual([
      [3, [0x04, 0x00]],
      [3, [0x02, 0x00]],
    ]);
  });

  it('refuses a device without hook switch or phone mute, and leaves it closed', async () => {
    const device = new FakeHidDevice('Keyboard', [{ usagePage: 0x01, usage: 0x06 }]);
    await expect(HeadsetLink.open(device, () => undefined)).rejects.toBeInstanceOf(NoCallButtonsError);
    expect(device.opened).toBe(false);
  });
});
