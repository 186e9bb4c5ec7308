// What a headset event does to the calls, and which LEDs the calls light: off-hook answers the
// ringing call, on-hook hangs up the call in progress, the mute button toggles its mute; ring
// while a call rings, off-hook while a call is up, mute when that call is muted, hold when held.
import type { HeadsetEvent, LedState } from './hidTelephony';

/** The parts of a CallView this reads (shared/contract/softphone.ts). */
export interface CallLike {
  readonly callId: string;
  readonly direction: 'inbound' | 'outbound';
  readonly phase: 'idle' | 'ringing' | 'dialing' | 'active' | 'held' | 'ended';
  readonly muted: boolean;
}

export type HeadsetCommand =
  | { readonly kind: 'answerCall'; readonly callId: string }
  | { readonly kind: 'hangUp'; readonly callId: string }
  | { readonly kind: 'setMuted'; readonly callId: string; readonly muted: boolean };

const ringingInbound = (c: CallLike) => c.phase === 'ringing' && c.direction === 'inbound';

/** The call the agent is talking on (answered, not held), else one being dialled. */
function currentCall(calls: readonly CallLike[]): CallLike | undefined {
  return calls.find((c) => c.phase === 'active') ?? calls.find((c) => c.phase === 'dialing' || (c.phase === 'ringing' && c.direction === 'outbound'));
}

/**
 * The command for one headset event, or null when it means nothing now. Off-hook with nothing
 * ringing (the agent lifting the headset to dial, or the device echoing our off-hook LED) and
 * on-hook with no call up (the echo of our LED going off after a screen hang-up) are ignored.
 * On-hook never declines a ringing call: a headset put down while a call rings is not a "no".
 */
export function commandForHeadsetEvent(event: HeadsetEvent, calls: readonly CallLike[]): HeadsetCommand | null {
  switch (event.type) {
    case 'offHook': {
      const ringing = calls.find(ringingInbound);
      return ringing ? { kind: 'answerCall', callId: ringing.callId } : null;
    }
    case 'onHook': {
      const call = currentCall(calls);
      return call ? { kind: 'hangUp', callId: call.callId } : null;
    }
    case 'muteToggle': {
      const call = calls.find((c) => c.phase === 'active');
      return call ? { kind: 'setMuted', callId: call.callId, muted: !call.muted } : null;
    }
    case 'muteSet': {
      const call = calls.find((c) => c.phase === 'active');
      return call && call.muted !== event.muted ? { kind: 'setMuted', callId: call.callId, muted: event.muted } : null;
    }
  }
}

/** The headset LEDs for the calls (all off when idle). */
export function ledsForCalls(calls: readonly CallLike[]): LedState {
  const active = calls.find((c) => c.phase === 'active');
  return {
    ring: calls.some(ringingInbound),
    offHook: calls.some((c) => c.phase === 'active' || c.phase === 'held' || c.phase === 'dialing' || (c.phase === 'ringing' && c.direction === 'outbound')),
    mute: active?.muted ?? false,
    hold: !active && calls.some((c) => c.phase === 'held'),
  };
}
