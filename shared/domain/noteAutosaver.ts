// Saves a note as it is typed, so a crash loses at most the last moments of typing (issue 6: ≤ 250
// ms): a change is sent at most `intervalMs` after it was made, one save is in flight at a time (so
// revisions arrive in typing order), and whatever changed meanwhile goes out as soon as it returns.
// A failed save is retried; the text is never dropped.
import type { Clock, TimerHandle } from './clock';

export interface NoteAutosaverOptions {
  clock: Clock;
  save: (text: string) => Promise<unknown>;
  /** Longest time a change waits before it is sent (default 100 ms). */
  intervalMs?: number;
  /** Wait before retrying a failed save (default 1 000 ms). */
  retryMs?: number;
  onStateChange?: (state: AutosaveState) => void;
}

export type AutosaveState =
  | { kind: 'saved'; text: string }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

export class NoteAutosaver {
  private latest: string;
  private saved: string;
  private inFlight = false;
  private timer: TimerHandle | null = null;
  private state: AutosaveState;
  private readonly intervalMs: number;
  private readonly retryMs: number;

  constructor(
    initialText: string,
    private readonly options: NoteAutosaverOptions,
  ) {
    this.latest = initialText;
    this.saved = initialText;
    this.intervalMs = options.intervalMs ?? 100;
    this.retryMs = options.retryMs ?? 1_000;
    this.state = { kind: 'saved', text: initialText };
  }

  current(): AutosaveState {
    return this.state;
  }

  /** The editor's text changed. */
  change(text: string): void {
    this.latest = text;
    if (text === this.saved && !this.inFlight) return this.setState({ kind: 'saved', text });
    if (this.inFlight) return; // sent as soon as the save in flight returns
    this.setState({ kind: 'pending' });
    this.schedule(this.intervalMs);
  }

  /** Send what is pending now (the editor loses focus, the window closes). */
  flush(): void {
    if (this.inFlight || this.latest === this.saved) return;
    this.cancelTimer();
    void this.send();
  }

  close(): void {
    this.cancelTimer();
  }

  private schedule(delayMs: number): void {
    if (this.timer) return;
    this.timer = this.options.clock.setTimer(() => {
      this.timer = null;
      void this.send();
    }, delayMs);
  }

  private cancelTimer(): void {
    if (this.timer) this.options.clock.clearTimer(this.timer);
    this.timer = null;
  }

  private async send(): Promise<void> {
    if (this.inFlight || this.latest === this.saved) return;
    const text = this.latest;
    this.inFlight = true;
    this.setState({ kind: 'saving' });
    try {
      await this.options.save(text);
      this.saved = text;
      this.inFlight = false;
      if (this.latest !== this.saved) void this.send();
      else this.setState({ kind: 'saved', text });
    } catch (error) {
      this.inFlight = false;
      this.setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      this.schedule(this.retryMs);
    }
  }

  private setState(state: AutosaveState): void {
    this.state = state;
    this.options.onStateChange?.(state);
  }
}
