// Media Session call actions (see mediaSessionPlan.ts): claimed while a call rings or is up,
// released otherwise. Each action is set alone and guarded: a browser without the Media Session,
// or without `togglemicrophone`/`hangup` (they throw a TypeError there), still gets the rest.
import { useEffect } from 'react';
import type { CallView } from '../../../shared/contract/softphone';
import { useClient } from '../../api/ClientContext';
import { performHeadsetCommand } from './headsetCommands';
import { mediaSessionPlan, type MediaSessionCallAction } from './mediaSessionPlan';

type CallMediaSession = Omit<MediaSession, 'setMicrophoneActive'> & { setMicrophoneActive?: (active: boolean) => Promise<void> | undefined };

function setAction(session: CallMediaSession, action: MediaSessionCallAction, handler: (() => void) | null): void {
  try {
    session.setActionHandler(action as MediaSessionAction, handler);
  } catch {
    // not offered by this browser
  }
}

export function useMediaSessionCallActions(calls: readonly CallView[], run: (action: () => Promise<unknown>) => Promise<boolean>): void {
  const client = useClient();
  const plan = mediaSessionPlan(calls);
  const key = JSON.stringify(plan);
  useEffect(() => {
    const session = (navigator as Navigator & { mediaSession?: CallMediaSession }).mediaSession;
    if (!session) return;
    const actions = Object.entries(plan.actions) as [MediaSessionCallAction, (typeof plan.actions)[MediaSessionCallAction]][];
    for (const [action, command] of actions) setAction(session, action, command ? () => void run(() => performHeadsetCommand(client, command)) : null);
    session.playbackState = plan.playbackState;
    if (plan.microphoneActive !== undefined) {
      // Typed as a Promise, but Chromium returns undefined; older browsers lack it (no call state).
      try {
        void Promise.resolve(session.setMicrophoneActive?.(plan.microphoneActive)).catch(() => undefined);
      } catch {
        // not offered by this browser
      }
    }
    return () => {
      for (const [action] of actions) setAction(session, action, null);
      session.playbackState = 'none';
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for plan
  }, [client, run, key]);
}
