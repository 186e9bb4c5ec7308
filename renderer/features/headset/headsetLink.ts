// One open headset: its telephony layout, input reports turned into headset events, and LED output
// reports sent when the LED state changes. The decoding is shared/domain/hidTelephony.ts.
import {
  canControlCalls,
  encodeLeds,
  findTelephonyLayout,
  initialInputState,
  readTelephonyInput,
  type HeadsetEvent,
  type HeadsetInputState,
  type LedState,
  type TelephonyLayout,
} from '../../../shared/domain/hidTelephony';
import type { HidDeviceLike, HidInputReportEventLike } from './webHid';

export class NoCallButtonsError extends Error {
  constructor(name: string) {
    super(`${name} has no hook switch or phone mute on the Telephony page`);
    this.name = 'NoCallButtonsError';
  }
}

export class HeadsetLink {
  private state: HeadsetInputState = initialInputState;
  private lastLeds = '';
  private sending: Promise<void> = Promise.resolve();
  private readonly onReport = (event: Event) => {
    const { reportId, data } = event as HidInputReportEventLike;
    const result = readTelephonyInput(this.layout, reportId, data, this.state);
    this.state = result.state;
    for (const headsetEvent of result.events) this.onEvent(headsetEvent);
  };

  private constructor(
    readonly device: HidDeviceLike,
    private readonly layout: TelephonyLayout,
    private readonly onEvent: (event: HeadsetEvent) => void,
  ) {
    device.addEventListener('inputreport', this.onReport);
  }

  /** Opens the device (if not yet open) and listens; refuses a device without call buttons. */
  static async open(device: HidDeviceLike, onEvent: (event: HeadsetEvent) => void): Promise<HeadsetLink> {
    const layout = findTelephonyLayout(device.collections);
    if (!canControlCalls(layout)) throw new NoCallButtonsError(device.productName);
    if (!device.opened) await device.open();
    return new HeadsetLink(device, layout, onEvent);
  }

  /**
   * Lights the LEDs for the call state. Reports are sent one after another (a headset handles
   * one output report at a time) and only on a change, so a call view update that changes no LED
   * sends nothing.
   */
  showLeds(leds: LedState): Promise<void> {
    const reports = encodeLeds(this.layout, leds);
    const signature = JSON.stringify(reports.map((r) => [r.reportId, [...r.data]]));
    if (signature === this.lastLeds) return this.sending;
    this.lastLeds = signature;
    this.sending = this.sending
      .then(async () => {
        for (const report of reports) await this.device.sendReport(report.reportId, report.data);
      })
      .catch(() => {
        this.lastLeds = ''; // unplugged mid-send: send again next time
      });
    return this.sending;
  }

  close(): void {
    this.device.removeEventListener('inputreport', this.onReport);
  }
}
