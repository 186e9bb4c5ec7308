// Drives the fallback "incoming call" window (issue 21, crash loop): renders the live calls with
// fallbackCallPage.ts, refreshes on every call update, and turns its links into phone actions.
// Answer needs the page's WebRTC for audio, so it reloads the main window and answers as soon as
// the new page asks for its media (reattachMedia); Decline needs no audio and happens at once.
// No electron import: the window is a port, tested with a fake.
import type { CallView } from '../../shared/contract/softphone';
import type { Logger } from '../core/kernel/platformPorts';
import { fallbackCallPage, parseFallbackAction, type FallbackLanguage } from './fallbackCallPage';

export interface FallbackPhone {
  calls(): readonly CallView[];
  answerCall(callId: string): Promise<unknown>;
  declineCall(callId: string): Promise<unknown>;
}

/** The window the page is shown in (a BrowserWindow with JavaScript off in Electron). */
export interface FallbackWindowPort {
  show(html: string): void;
  close(): void;
}

export interface FallbackCallDeps {
  phone: FallbackPhone;
  lang: FallbackLanguage;
  logger: Logger;
  openWindow(): FallbackWindowPort;
  /** Reload the main window (rendererRecovery's reloadRequested). */
  reloadMainWindow(): void;
  onCallUpdated(listener: (view: CallView) => void): () => void;
  onRendererStarted(listener: () => void): () => void;
}

export interface FallbackCallController {
  show(): void;
  close(): void;
  /** The agent closed the window; it comes back with the next ringing call while still needed. */
  windowClosed(): void;
  /** A navigation the fallback page attempted; the shell always prevents it and hands it here. */
  navigate(url: string): void;
}

export function createFallbackCallController(deps: FallbackCallDeps): FallbackCallController {
  let active = false;
  let window: FallbackWindowPort | null = null;
  const answering = new Set<string>();
  const stops: Array<() => void> = [];

  const render = () => window?.show(fallbackCallPage({ calls: deps.phone.calls(), lang: deps.lang, answering }));
  const failed = (what: string, callId: string) => (error: unknown) =>
    deps.logger.warn(`Fallback window: ${what} failed`, { callId, error: error instanceof Error ? error.message : String(error) });

  const answerPending = () => {
    for (const callId of [...answering]) {
      answering.delete(callId);
      const view = deps.phone.calls().find((call) => call.callId === callId);
      if (view?.phase === 'ringing') void deps.phone.answerCall(callId).catch(failed('answer', callId));
    }
    render();
  };

  return {
    show() {
      if (!active) {
        active = true;
        stops.push(
          deps.onCallUpdated((view) => {
            if (view.phase !== 'ringing') answering.delete(view.callId);
            if (!window && view.direction === 'inbound' && view.phase === 'ringing') window = deps.openWindow();
            render();
          }),
          deps.onRendererStarted(answerPending),
        );
      }
      window ??= deps.openWindow();
      render();
    },
    close() {
      active = false;
      for (const stop of stops.splice(0)) stop();
      answering.clear();
      window?.close();
      window = null;
    },
    windowClosed() {
      window = null;
    },
    navigate(url) {
      const action = parseFallbackAction(url);
      if (!action) return;
      if (action.kind === 'reload') deps.reloadMainWindow();
      else if (action.kind === 'decline') void deps.phone.declineCall(action.callId).catch(failed('decline', action.callId));
      else if (!answering.has(action.callId)) {
        answering.add(action.callId);
        deps.reloadMainWindow();
      }
      render();
    },
  };
}
