// What each phone shortcut does now: the in-page keys and the global shortcuts rely on it.
import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../../../shared/contract/softphone';
import { performPhoneShortcut, type ShortcutPhone } from '../../../../../electron/core/phonePreferences/phonePreferencesService';

function view(callId: string, phase: CallView['phase'], extra: Partial<CallView> = {}): CallView {
  const stamp = { monotonic: 0, wall: 0 };
  return {
    callId,
    direction: 'inbound',
    phase,
    remote: { number: '3001', name: null },
    muted: false,
    waiting: false,
    consultFor: null,
    transfer: null,
    offeredAt: stamp,
    ringingAt: stamp,
    answeredAt: null,
    endedAt: null,
    end: null,
    ...extra,
  };
}

function phone(calls: CallView[], guided = false) {
  const done: string[] = [];
  const p: ShortcutPhone = {
    calls: () => calls,
    answerCall: async (id) => done.push(`answer ${id}`),
    declineCall: async (id) => done.push(`decline ${id}`),
    hangUp: async (id) => done.push(`hangUp ${id}`),
    holdCall: async (id) => done.push(`hold ${id}`),
    resumeCall: async (id) => done.push(`resume ${id}`),
    setMuted: async (id, muted) => done.push(`mute ${id} ${muted}`),
    startHoldSteps: (id) => done.push(`holdSteps ${id}`),
    guidedHold: () => guided,
  };
  return { p, done };
}

describe('phone shortcuts', () => {
  it('answer takes the oldest ringing call; with nothing ringing it does nothing', async () => {
    const { p, done } = phone([view('a', 'active'), view('r1', 'ringing'), view('r2', 'ringing')]);
    expect(await performPhoneShortcut('answer', p)).toEqual({ done: true, callId: 'r1' });
    expect(await performPhoneShortcut('answer', phone([view('a', 'active')]).p)).toEqual({ done: false, callId: null });
    expect(done).toEqual(['answer r1']);
  });

  it('hang up ends the call being talked on, or declines the ringing one when there is none', async () => {
    const talking = phone([view('h', 'held'), view('a', 'active'), view('r', 'ringing')]);
    await performPhoneShortcut('hangUp', talking.p);
    expect(talking.done).toEqual(['hangUp a']);
    const ringingOnly = phone([view('r', 'ringing')]);
    await performPhoneShortcut('hangUp', ringingOnly.p);
    expect(ringingOnly.done).toEqual(['decline r']);
  });

  it('hold toggles hold, opening the S-2 hold steps when guided hold is on; mute toggles mute', async () => {
    const plain = phone([view('a', 'active')]);
    await performPhoneShortcut('hold', plain.p);
    const guided = phone([view('a', 'active')], true);
    await performPhoneShortcut('hold', guided.p);
    const held = phone([view('h', 'held')]);
    await performPhoneShortcut('hold', held.p);
    const muted = phone([view('a', 'active', { muted: true })]);
    await performPhoneShortcut('mute', muted.p);
    expect([...plain.done, ...guided.done, ...held.done, ...muted.done]).toEqual(['hold a', 'holdSteps a', 'resume h', 'mute a false']);
  });
});
