// Media Session while calls ring or are up: call actions, the Play/Pause fallback, the mic state.
import { describe, expect, it } from 'vitest';
import type { CallLike } from '../../../../../shared/domain/headsetCallControl';
import { mediaSessionPlan } from '../../../../../renderer/features/headset/mediaSessionPlan';

const call = (callId: string, phase: CallLike['phase'], muted = false): CallLike => ({ callId, direction: 'inbound', phase, muted });

describe('mediaSessionPlan', () => {
  it('claims nothing with no call, so media keys keep controlling other media', () => {
    expect(mediaSessionPlan([])).toEqual({
      playbackState: 'none',
      microphoneActive: undefined,
      actions: { play: null, pause: null, togglemicrophone: null, hangup: null },
    });
  });

  it('while a call rings, Play answers it (playbackState paused so the key sends play)', () => {
    const plan = mediaSessionPlan([call('r', 'ringing')]);
    expect(plan.playbackState).toBe('paused');
    expect(plan.actions.play).toEqual({ kind: 'answerCall', callId: 'r' });
    expect(plan.actions.pause).toBeNull();
    expect(plan.actions.hangup).toBeNull();
  });

  it('during a call, Pause and hangup hang up, togglemicrophone toggles, the mic state is shown', () => {
    const plan = mediaSessionPlan([call('a', 'active', true)]);
    expect(plan.playbackState).toBe('playing');
    expect(plan.microphoneActive).toBe(false);
    expect(plan.actions).toEqual({
      play: null,
      pause: { kind: 'hangUp', callId: 'a' },
      togglemicrophone: { kind: 'setMuted', callId: 'a', muted: false },
      hangup: { kind: 'hangUp', callId: 'a' },
    });
    expect(mediaSessionPlan([call('a', 'active')]).microphoneActive).toBe(true);
  });

  it('a waiting call ringing during a call: Play answers it, Pause does not hang up the first', () => {
    const plan = mediaSessionPlan([call('a', 'active'), call('w', 'ringing')]);
    expect(plan.playbackState).toBe('paused');
    expect(plan.actions.play).toEqual({ kind: 'answerCall', callId: 'w' });
    expect(plan.actions.pause).toBeNull();
    expect(plan.actions.hangup).toEqual({ kind: 'hangUp', callId: 'a' });
  });
});
