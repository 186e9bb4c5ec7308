// Headset call control over the HID Telephony page: where the hook switch, phone mute and the
// LEDs sit in a device's reports (from the WebHID `collections`), input reports turned into
// events, the LED state for the calls, and the output reports that light it. Pure: no DOM.
//
// Usages are WebHID's 32-bit "extended" usages, (usagePage << 16) | usageId, as HIDReportItem.usages
// lists them (WICG WebHID spec, HIDReportItem). Pages and ids are from the USB HID Usage Tables:
// Telephony Device page 0x0B (Hook Switch 0x20, Phone Mute 0x2F), LED page 0x08 (Mute 0x09,
// Off-Hook 0x17, Ring 0x18, Hold 0x20).

export const TELEPHONY_USAGE_PAGE = 0x0b;
export const LED_USAGE_PAGE = 0x08;
export const usages = {
  hookSwitch: 0x000b_0020,
  phoneMute: 0x000b_002f,
  ledMute: 0x0008_0009,
  ledOffHook: 0x0008_0017,
  ledRing: 0x0008_0018,
  ledHold: 0x0008_0020,
} as const;

/** The parts of WebHID's HIDReportItem this module reads. */
export interface HidReportItemLike {
  readonly usages?: readonly number[];
  readonly usageMinimum?: number;
  readonly usageMaximum?: number;
  readonly isRange?: boolean;
  readonly reportSize?: number;
  readonly reportCount?: number;
  readonly isAbsolute?: boolean;
}
export interface HidReportInfoLike {
  readonly reportId?: number;
  readonly items?: readonly HidReportItemLike[];
}
/** The parts of WebHID's HIDCollectionInfo this module reads. */
export interface HidCollectionLike {
  readonly usagePage?: number;
  readonly usage?: number;
  readonly children?: readonly HidCollectionLike[];
  readonly inputReports?: readonly HidReportInfoLike[];
  readonly outputReports?: readonly HidReportInfoLike[];
}

/** Where one usage's value sits: the report (0 = the device numbers no reports) and its bits. */
export interface ReportField {
  readonly reportId: number;
  /** Bit offset in the report data, after the report id byte (WebHID strips it). */
  readonly bitOffset: number;
  readonly bitSize: number;
  /** Absolute = the bit is the state (hook switch); relative = a press (mute toggle button). */
  readonly isAbsolute: boolean;
}

export interface TelephonyLayout {
  readonly hookSwitch: ReportField | null;
  readonly phoneMute: ReportField | null;
  readonly leds: { readonly offHook: ReportField | null; readonly ring: ReportField | null; readonly mute: ReportField | null; readonly hold: ReportField | null };
  /** Data length in bytes of each output report that carries an LED (by report id). */
  readonly outputLengths: ReadonlyMap<number, number>;
}

/** True when a device offers a Telephony collection (what the Connect headset filter asks for). */
export function hasTelephonyCollection(collections: readonly HidCollectionLike[] | undefined): boolean {
  return (collections ?? []).some((c) => c.usagePage === TELEPHONY_USAGE_PAGE || hasTelephonyCollection(c.children));
}

function usageAt(item: HidReportItemLike, index: number): number | undefined {
  if (item.isRange && item.usageMinimum !== undefined && item.usageMaximum !== undefined) {
    const usage = item.usageMinimum + index;
    return usage <= item.usageMaximum ? usage : undefined;
  }
  // HID: when there are fewer usages than fields, the last usage applies to the rest; for our
  // one-bit controls only the listed ones matter, so extra fields get none.
  return item.usages?.[index];
}

/** Each usage in the report → its field; padding items (no usages) only advance the offset. */
function fieldsOf(report: HidReportInfoLike, found: Map<number, ReportField>): number {
  let bitOffset = 0;
  for (const item of report.items ?? []) {
    const size = item.reportSize ?? 0;
    const count = item.reportCount ?? 0;
    for (let i = 0; i < count; i++) {
      const usage = usageAt(item, i);
      if (usage !== undefined && !found.has(usage)) {
        found.set(usage, { reportId: report.reportId ?? 0, bitOffset: bitOffset + i * size, bitSize: size, isAbsolute: item.isAbsolute ?? true });
      }
    }
    bitOffset += size * count;
  }
  return Math.ceil(bitOffset / 8);
}

function allCollections(collections: readonly HidCollectionLike[]): HidCollectionLike[] {
  return collections.flatMap((c) => [c, ...allCollections(c.children ?? [])]);
}

/**
 * Finds the telephony controls in a device's collections. Only the Telephony collections (and
 * their children) are read: a headset's consumer-control collection also has a Mute usage
 * (0x0C:0xE2, speaker mute) that must not be taken for the microphone.
 */
export function findTelephonyLayout(collections: readonly HidCollectionLike[]): TelephonyLayout {
  const telephony = collections.filter((c) => c.usagePage === TELEPHONY_USAGE_PAGE).flatMap((c) => allCollections([c]));
  const inputs = new Map<number, ReportField>();
  const outputs = new Map<number, ReportField>();
  const lengths = new Map<number, number>();
  for (const collection of telephony) {
    for (const report of collection.inputReports ?? []) fieldsOf(report, inputs);
    for (const report of collection.outputReports ?? []) {
      const fields = new Map<number, ReportField>();
      const length = fieldsOf(report, fields);
      for (const [usage, field] of fields) if (!outputs.has(usage)) outputs.set(usage, field);
      lengths.set(report.reportId ?? 0, Math.max(length, lengths.get(report.reportId ?? 0) ?? 0));
    }
  }
  const leds = {
    offHook: outputs.get(usages.ledOffHook) ?? null,
    ring: outputs.get(usages.ledRing) ?? null,
    mute: outputs.get(usages.ledMute) ?? null,
    hold: outputs.get(usages.ledHold) ?? null,
  };
  const used = new Set(Object.values(leds).flatMap((f) => (f ? [f.reportId] : [])));
  const outputLengths = new Map([...lengths].filter(([id]) => used.has(id)));
  return { hookSwitch: inputs.get(usages.hookSwitch) ?? null, phoneMute: inputs.get(usages.phoneMute) ?? null, leds, outputLengths };
}

/** Whether the headset is usable for call control at all. */
export function canControlCalls(layout: TelephonyLayout): boolean {
  return layout.hookSwitch !== null || layout.phoneMute !== null;
}

function readField(field: ReportField, data: DataView): number | null {
  if (field.bitOffset + field.bitSize > data.byteLength * 8) return null; // short report: not ours
  let value = 0;
  for (let bit = 0; bit < Math.min(field.bitSize, 32); bit++) {
    const at = field.bitOffset + bit;
    if ((data.getUint8(at >> 3) >> (at & 7)) & 1) value |= 1 << bit;
  }
  return value;
}

export type HeadsetEvent = { type: 'offHook' } | { type: 'onHook' } | { type: 'muteToggle' } | { type: 'muteSet'; muted: boolean };

/** What the last input reports said, to turn levels into edges. */
export interface HeadsetInputState {
  readonly offHook: boolean;
  readonly mutePressed: boolean;
  readonly muted: boolean;
}
export const initialInputState: HeadsetInputState = { offHook: false, mutePressed: false, muted: false };

/**
 * One input report → events. The hook switch is absolute on Jabra/Poly/EPOS (1 while off-hook):
 * only a change is an event, so a report sent for another reason (the mute button, which shares
 * the report) does not answer or hang up again. A relative hook switch toggles on each press.
 * Phone mute is a one-shot button on most headsets (relative): each press toggles; an absolute
 * phone mute reports the headset's own mute state.
 */
export function readTelephonyInput(layout: TelephonyLayout, reportId: number, data: DataView, state: HeadsetInputState): { events: HeadsetEvent[]; state: HeadsetInputState } {
  const events: HeadsetEvent[] = [];
  let { offHook, mutePressed, muted } = state;
  const hook = layout.hookSwitch && layout.hookSwitch.reportId === reportId ? readField(layout.hookSwitch, data) : null;
  if (hook !== null && layout.hookSwitch) {
    const on = hook !== 0;
    if (layout.hookSwitch.isAbsolute) {
      if (on !== offHook) events.push({ type: on ? 'offHook' : 'onHook' });
      offHook = on;
    } else if (on) {
      offHook = !offHook;
      events.push({ type: offHook ? 'offHook' : 'onHook' });
    }
  }
  const mute = layout.phoneMute && layout.phoneMute.reportId === reportId ? readField(layout.phoneMute, data) : null;
  if (mute !== null && layout.phoneMute) {
    const on = mute !== 0;
    if (layout.phoneMute.isAbsolute) {
      if (on !== muted) events.push({ type: 'muteSet', muted: on });
      muted = on;
    } else {
      // Some headsets repeat the report while the button is held: only the press counts.
      if (on && !mutePressed) events.push({ type: 'muteToggle' });
      mutePressed = on;
    }
  }
  return { events, state: { offHook, mutePressed, muted } };
}

export interface LedState {
  readonly offHook: boolean;
  readonly ring: boolean;
  readonly mute: boolean;
  readonly hold: boolean;
}
export const ledsOff: LedState = { offHook: false, ring: false, mute: false, hold: false };

/** One output report to send: `sendReport(reportId, data)`. */
export interface OutputReport {
  readonly reportId: number;
  readonly data: Uint8Array;
}

/** The output reports that show `leds`: every report holding one of the LEDs, all fields set. */
export function encodeLeds(layout: TelephonyLayout, leds: LedState): OutputReport[] {
  const reports = new Map<number, Uint8Array>();
  for (const [id, length] of layout.outputLengths) reports.set(id, new Uint8Array(length));
  for (const key of ['offHook', 'ring', 'mute', 'hold'] as const) {
    const field = layout.leds[key];
    const data = field ? reports.get(field.reportId) : undefined;
    if (!field || !data || !leds[key]) continue;
    data[field.bitOffset >> 3]! |= 1 << (field.bitOffset & 7); // an LED on = its lowest bit set (value 1)
  }
  return [...reports].map(([reportId, data]) => ({ reportId, data }));
}
