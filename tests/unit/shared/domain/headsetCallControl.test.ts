// What headset events do to the calls, and the LEDs the calls light (Jabra-shaped reports).
import { describe, expect, it } from 'vitest';
import { commandForHeadsetEvent, ledsForCalls, type CallLike } from '../../../../shared/domain/headsetCallControl';
import { encodeLeds, findTelephonyLayout, initialInputState, ledsOff, readTelephonyInput } from '../../../../shared/domain/hidTelephony';
import { jabraEvolve2, jabraReports } from '../../../fixtures/hid/telephonyHeadsets';

const view = (bytes: number[]) => new DataView(new Uint8Array(bytes).buffer);
const call = (phase: CallLike['phase'], extra: Partial<CallLike> = {}): CallLike => ({ callId: `c-${phase}`, direction: 'inbound', phase, muted: false, ...extra });

describe('headset events and the calls', () => {
  it('off-hook while ringing answers', () => {
    expect(commandForHeadsetEvent({ type: 'offHook' }, [call('ringing')])).toEqual({ kind: 'answerCall', callId: 'c-ringing' });
  });
  it('on-hook while in a call hangs up; on-hook with only a ringing call does nothing', () => {
    expect(commandForHeadsetEvent({ type: 'onHook' }, [call('active')])).toEqual({ kind: 'hangUp', callId: 'c-active' });
    expect(commandForHeadsetEvent({ type: 'onHook' }, [call('ringing')])).toBeNull();
    expect(commandForHeadsetEvent({ type: 'onHook' }, [])).toBeNull();
  });
  it('off-hook with nothing ringing (the echo of our off-hook LED) does nothing', () => {
    expect(commandForHeadsetEvent({ type: 'offHook' }, [call('active')])).toBeNull();
  });
  it('the mute button toggles the active call; an absolute mute sets it', () => {
    expect(commandForHeadsetEvent({ type: 'muteToggle' }, [call('active')])).toEqual({ kind: 'setMuted', callId: 'c-active', muted: true });
    expect(commandForHeadsetEvent({ type: 'muteToggle' }, [call('active', { muted: true })])).toEqual({ kind: 'setMuted', callId: 'c-active', muted: false });
    expect(commandForHeadsetEvent({ type: 'muteToggle' }, [call('ringing')])).toBeNull();
    expect(commandForHeadsetEvent({ type: 'muteSet', muted: true }, [call('active', { muted: true })])).toBeNull();
  });
  it('the LEDs follow the call state: ring, off-hook, mute, hold, all off when idle', () => {
    expect(ledsForCalls([])).toEqual(ledsOff);
    expect(ledsForCalls([call('ringing')])).toEqual({ ...ledsOff, ring: true });
    expect(ledsForCalls([call('active')])).toEqual({ ...ledsOff, offHook: true });
    expect(ledsForCalls([call('active', { muted: true })])).toEqual({ ...ledsOff, offHook: true, mute: true });
    expect(ledsForCalls([call('held')])).toEqual({ ...ledsOff, offHook: true, hold: true });
    expect(ledsForCalls([call('active'), call('ringing', { callId: 'w' })])).toEqual({ ...ledsOff, offHook: true, ring: true });
  });
  it('a whole call on the Jabra: ring → off-hook answers → mute → on-hook hangs up, LEDs in step', () => {
    const layout = findTelephonyLayout(jabraEvolve2.collections);
    let calls: CallLike[] = [call('ringing', { callId: 'x' })];
    const leds = () => [...encodeLeds(layout, ledsForCalls(calls))[0]!.data];
    let state = initialInputState;
    const press = (bytes: number[]) => {
      const result = readTelephonyInput(layout, 2, view(bytes), state);
      state = result.state;
      return result.events.map((e) => commandForHeadsetEvent(e, calls));
    };
    expect(leds()).toEqual([0x04]);
    expect(press(jabraReports.offHook)).toEqual([{ kind: 'answerCall', callId: 'x' }]);
    calls = [{ ...calls[0]!, phase: 'active' }];
    expect(leds()).toEqual([0x01]);
    expect(press(jabraReports.mutePressedOffHook)).toEqual([{ kind: 'setMuted', callId: 'x', muted: true }]);
    expect(press(jabraReports.muteReleasedOffHook)).toEqual([]);
    calls = [{ ...calls[0]!, muted: true }];
    expect(leds()).toEqual([0x03]);
    expect(press(jabraReports.onHook)).toEqual([{ kind: 'hangUp', callId: 'x' }]);
    calls = [];
    expect(leds()).toEqual([0x00]);
  });
});
