// HID Telephony layouts, input reports and LED output reports, over recorded-style collections.
import { describe, expect, it } from 'vitest';
import {
  canControlCalls,
  encodeLeds,
  findTelephonyLayout,
  hasTelephonyCollection,
  initialInputState,
  ledsOff,
  readTelephonyInput,
  type HeadsetEvent,
  type HeadsetInputState,
  type TelephonyLayout,
} from '../../../../shared/domain/hidTelephony';
import { jabraEvolve2, jabraReports, polyBlackwire, polyReports } from '../../../fixtures/hid/telephonyHeadsets';

const view = (bytes: number[]) => new DataView(new Uint8Array(bytes).buffer);

/** Feeds reports in order, returning every event. */
function feed(layout: TelephonyLayout, reportId: number, reports: number[][], start: HeadsetInputState = initialInputState): HeadsetEvent[] {
  let state = start;
  const events: HeadsetEvent[] = [];
  for (const report of reports) {
    const result = readTelephonyInput(layout, reportId, view(report), state);
    events.push(...result.events);
    state = result.state;
  }
  return events;
}

describe('findTelephonyLayout', () => {
  it('finds the Jabra Evolve2 controls and LEDs, counting padding and multi-usage items', () => {
    const layout = findTelephonyLayout(jabraEvolve2.collections);
    expect(layout.hookSwitch).toEqual({ reportId: 2, bitOffset: 0, bitSize: 1, isAbsolute: true });
    expect(layout.phoneMute).toEqual({ reportId: 2, bitOffset: 2, bitSize: 1, isAbsolute: false });
    expect(layout.leds.offHook).toMatchObject({ reportId: 2, bitOffset: 0 });
    expect(layout.leds.mute).toMatchObject({ reportId: 2, bitOffset: 1 });
    expect(layout.leds.ring).toMatchObject({ reportId: 2, bitOffset: 2 });
    expect(layout.leds.hold).toMatchObject({ reportId: 2, bitOffset: 3 });
    expect([...layout.outputLengths]).toEqual([[2, 1]]);
    expect(canControlCalls(layout)).toBe(true);
  });

  it('reads only the Telephony collection of a Poly: the consumer speaker Mute is not phone mute', () => {
    const layout = findTelephonyLayout(polyBlackwire.collections);
    expect(layout.hookSwitch).toMatchObject({ reportId: 2, bitOffset: 1, isAbsolute: true });
    expect(layout.phoneMute).toMatchObject({ reportId: 2, bitOffset: 2, isAbsolute: false });
    expect(layout.leds.hold).toMatchObject({ reportId: 3, bitOffset: 8 });
    expect([...layout.outputLengths]).toEqual([[3, 2]]);
    expect(feed(layout, 1, [polyReports.speakerMute])).toEqual([]);
  });

  it('a device without a Telephony collection offers no call control', () => {
    const consumerOnly = polyBlackwire.collections.slice(0, 1);
    expect(hasTelephonyCollection(consumerOnly)).toBe(false);
    expect(hasTelephonyCollection(polyBlackwire.collections)).toBe(true);
    expect(canControlCalls(findTelephonyLayout(consumerOnly))).toBe(false);
    expect(encodeLeds(findTelephonyLayout(consumerOnly), { ...ledsOff, ring: true })).toEqual([]);
  });

  it('takes usages from a usage range', () => {
    const layout = findTelephonyLayout([
      { usagePage: 0x0b, inputReports: [{ reportId: 7, items: [{ isRange: true, usageMinimum: 0x000b_001f, usageMaximum: 0x000b_0021, reportSize: 1, reportCount: 3, isAbsolute: true }] }] },
    ]);
    expect(layout.hookSwitch).toMatchObject({ reportId: 7, bitOffset: 1 });
  });
});

describe('readTelephonyInput', () => {
  for (const [name, device, reports] of [
    ['Jabra', jabraEvolve2, jabraReports],
    ['Poly', polyBlackwire, polyReports],
  ] as const) {
    const layout = findTelephonyLayout(device.collections);
    it(`${name}: off-hook then on-hook are one edge each; a repeated level is no event`, () => {
      expect(feed(layout, 2, [reports.offHook, reports.offHook, reports.onHook, reports.onHook])).toEqual([{ type: 'offHook' }, { type: 'onHook' }]);
    });
    it(`${name}: the mute button toggles once per press, and sharing the report does not re-answer`, () => {
      const events = feed(layout, 2, [reports.offHook, reports.mutePressedOffHook, reports.muteReleasedOffHook, reports.mutePressedOffHook, reports.muteReleasedOffHook]);
      expect(events).toEqual([{ type: 'offHook' }, { type: 'muteToggle' }, { type: 'muteToggle' }]);
    });
  }

  it('ignores reports with another id and reports too short to hold the field', () => {
    const layout = findTelephonyLayout(jabraEvolve2.collections);
    expect(feed(layout, 5, [[0xff]])).toEqual([]);
    expect(feed(layout, 2, [[]])).toEqual([]);
  });

  it('a relative hook switch toggles on each press; an absolute phone mute reports the state', () => {
    const layout = findTelephonyLayout([
      {
        usagePage: 0x0b,
        inputReports: [{ reportId: 1, items: [{ usages: [0x000b_0020], reportSize: 1, reportCount: 1, isAbsolute: false }, { usages: [0x000b_002f], reportSize: 1, reportCount: 1, isAbsolute: true }] }],
      },
    ]);
    expect(feed(layout, 1, [[1], [0], [1], [0]])).toEqual([{ type: 'offHook' }, { type: 'onHook' }]);
    expect(feed(layout, 1, [[2], [2], [0]])).toEqual([{ type: 'muteSet', muted: true }, { type: 'muteSet', muted: false }]);
  });
});

describe('encodeLeds', () => {
  it('Jabra: one report 2 byte with the LED bits for the state', () => {
    const layout = findTelephonyLayout(jabraEvolve2.collections);
    const bytes = (leds: Parameters<typeof encodeLeds>[1]) => encodeLeds(layout, leds).map((r) => [r.reportId, [...r.data]]);
    expect(bytes(ledsOff)).toEqual([[2, [0x00]]]);
    expect(bytes({ ...ledsOff, ring: true })).toEqual([[2, [0x04]]]);
    expect(bytes({ ...ledsOff, offHook: true })).toEqual([[2, [0x01]]]);
    expect(bytes({ ...ledsOff, offHook: true, mute: true })).toEqual([[2, [0x03]]]);
    expect(bytes({ ...ledsOff, offHook: true, hold: true })).toEqual([[2, [0x09]]]);
  });

  it('Poly: report 3 over two bytes, hold in the second', () => {
    const layout = findTelephonyLayout(polyBlackwire.collections);
    expect(encodeLeds(layout, { offHook: true, ring: false, mute: true, hold: false }).map((r) => [r.reportId, [...r.data]])).toEqual([[3, [0x03, 0x00]]]);
    expect(encodeLeds(layout, { offHook: true, ring: false, mute: false, hold: true }).map((r) => [r.reportId, [...r.data]])).toEqual([[3, [0x02, 0x01]]]);
  });
});
