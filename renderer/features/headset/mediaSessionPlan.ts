// What the Media Session offers while calls are up (pure, so it is tested without a browser).
// Chromium's call actions: `togglemicrophone` and `hangup` (Bluetooth headsets and the OS call
// controls send them), plus setMicrophoneActive() to show the mute state. As a fallback the OS
// media keys: with playbackState 'paused' while a call rings, the Play/Pause key sends `play` =
// answer; with 'playing' during a call it sends `pause` = hang up. With no call, no action is
// claimed and playbackState is 'none', so the media keys keep controlling the agent's music.
import { commandForHeadsetEvent, type CallLike, type HeadsetCommand } from '../../../shared/domain/headsetCallControl';

export type MediaSessionCallAction = 'play' | 'pause' | 'togglemicrophone' | 'hangup';

export interface MediaSessionPlan {
  readonly playbackState: 'none' | 'paused' | 'playing';
  /** Undefined: leave the microphone indicator alone (no answered call). */
  readonly microphoneActive: boolean | undefined;
  readonly actions: Readonly<Record<MediaSessionCallAction, HeadsetCommand | null>>;
}

export function mediaSessionPlan(calls: readonly CallLike[]): MediaSessionPlan {
  const answer = commandForHeadsetEvent({ type: 'offHook' }, calls);
  const hangUp = commandForHeadsetEvent({ type: 'onHook' }, calls);
  const toggleMute = commandForHeadsetEvent({ type: 'muteToggle' }, calls);
  const active = calls.find((c) => c.phase === 'active');
  return {
    // A ringing call wins: the key answers it (answerCall puts the call in progress on hold).
    playbackState: answer ? 'paused' : hangUp ? 'playing' : 'none',
    microphoneActive: active ? !active.muted : undefined,
    actions: { play: answer, pause: answer ? null : hangUp, togglemicrophone: toggleMute, hangup: hangUp },
  };
}
