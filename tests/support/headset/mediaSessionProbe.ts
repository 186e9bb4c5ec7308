// Records the Media Session action handlers a page sets (only those Chromium accepted) and its
// setMicrophoneActive calls, so a test can press "hangup" or "togglemicrophone" as the OS would.
import type { Page } from 'playwright-core';

interface ProbeWindow {
  __mediaSessionProbe: { handlers: Record<string, (() => void) | null>; microphoneActive: boolean[] };
}

export async function installMediaSessionProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const probe: ProbeWindow['__mediaSessionProbe'] = { handlers: {}, microphoneActive: [] };
    (window as unknown as ProbeWindow).__mediaSessionProbe = probe;
    const session = navigator.mediaSession as Omit<MediaSession, 'setMicrophoneActive'> & { setMicrophoneActive?: (active: boolean) => Promise<void> | undefined };
    const setActionHandler = session.setActionHandler.bind(session);
    session.setActionHandler = (action, handler) => {
      setActionHandler(action, handler); // throws for an action this Chromium does not offer
      probe.handlers[action] = handler as (() => void) | null;
    };
    const setMicrophoneActive = session.setMicrophoneActive?.bind(session);
    if (setMicrophoneActive) {
      session.setMicrophoneActive = (active) => {
        probe.microphoneActive.push(active);
        return setMicrophoneActive(active);
      };
    }
  });
}

/** Runs the page's handler for `action` as Chromium would; false when none is set. */
export function pressMediaAction(page: Page, action: string): Promise<boolean> {
  return page.evaluate((name) => {
    const handler = (window as unknown as ProbeWindow).__mediaSessionProbe.handlers[name];
    if (!handler) return false;
    handler();
    return true;
  }, action);
}

export function mediaSessionState(page: Page): Promise<{ playbackState: string; actions: string[]; microphoneActive: boolean[] }> {
  return page.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__mediaSessionProbe;
    return {
      playbackState: navigator.mediaSession.playbackState,
      actions: Object.entries(probe.handlers)
        .filter(([, handler]) => handler)
        .map(([action]) => action)
        .sort(),
      microphoneActive: probe.microphoneActive,
    };
  });
}
