// What the desktop shell tells the agent through the page (issue 21): the shell reports a window
// restart here, the reloaded page reads it. Fed only by the Electron shell, so the web host's core
// answers "no notices". Also tells the shell when a (re)started page has its media engine running.
import type { ShellNotices, WindowRestartReason } from '../../../shared/contract/shellNotices';
import type { Clock } from '../../../shared/domain/clock';

export interface ShellNoticesDeps {
  clock: Clock;
  /** Whether calls are up now; asked when the notice is read, so the words match the moment. */
  callsUp(): boolean;
}

export class ShellNoticesService {
  private restart: { atWall: number; reason: WindowRestartReason } | null = null;
  private readonly rendererListeners = new Set<() => void>();

  constructor(private readonly deps: ShellNoticesDeps) {}

  /** The shell restarted the window; the page that loads next shows it until dismissed. */
  windowRestarted(reason: WindowRestartReason): void {
    this.restart = { atWall: this.deps.clock.wallNow(), reason };
  }

  notices(): ShellNotices {
    return { windowRestarted: this.restart ? { ...this.restart, callsUp: this.deps.callsUp() } : null };
  }

  dismiss(notice: 'windowRestarted'): ShellNotices {
    if (notice === 'windowRestarted') this.restart = null;
    return this.notices();
  }

  /** A page started and asked for its calls' audio (reattachMedia): it now hears media requests. */
  rendererStarted(): void {
    for (const listener of [...this.rendererListeners]) listener();
  }

  onRendererStarted(listener: () => void): () => void {
    this.rendererListeners.add(listener);
    return () => this.rendererListeners.delete(listener);
  }
}
