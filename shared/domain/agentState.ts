// The agent's availability state and how long it has lasted, timed on the injected clock.
import type { AgentState, AgentStateView } from '../contract/agentState';
import type { Clock } from './clock';

export interface StoredAgentState {
  state: AgentState;
  sinceWall: number;
}

export const initialAgentState: AgentState = { kind: 'offline' };

export function sameAgentState(a: AgentState, b: AgentState): boolean {
  return a.kind === b.kind && (a.kind !== 'notReady' || b.kind !== 'notReady' || a.reason === b.reason);
}

/**
 * Holds the current state. Elapsed time inside one process run is measured on the monotonic clock;
 * a state restored from disk started before this process, so its age up to the restore comes
 * from wall time (the only clock that spans restarts), and from then on from the monotonic one.
 */
export class AgentStateTracker {
  private state: AgentState;
  private sinceWall: number;
  private sinceMonotonic: number;
  private elapsedBeforeRestoreMs: number;

  constructor(
    private readonly clock: Clock,
    restored: StoredAgentState | null,
  ) {
    const now = clock.monotonicNow();
    this.sinceMonotonic = now;
    if (restored) {
      this.state = restored.state;
      this.sinceWall = restored.sinceWall;
      this.elapsedBeforeRestoreMs = Math.max(0, clock.wallNow() - restored.sinceWall);
    } else {
      this.state = initialAgentState;
      this.sinceWall = clock.wallNow();
      this.elapsedBeforeRestoreMs = 0;
    }
  }

  current(): AgentState {
    return this.state;
  }

  view(): AgentStateView {
    return {
      state: this.state,
      sinceWall: this.sinceWall,
      elapsedMs: this.elapsedBeforeRestoreMs + (this.clock.monotonicNow() - this.sinceMonotonic),
    };
  }

  /**
   * Switch state. Returns the finished segment (for duration records) or null when the new state
   * equals the current one, in which case the running timer is kept rather than reset.
   */
  transition(next: AgentState): { previous: AgentState; durationMs: number } | null {
    if (sameAgentState(this.state, next)) return null;
    const durationMs = this.view().elapsedMs;
    const previous = this.state;
    this.state = next;
    this.sinceWall = this.clock.wallNow();
    this.sinceMonotonic = this.clock.monotonicNow();
    this.elapsedBeforeRestoreMs = 0;
    return { previous, durationMs };
  }

  stored(): StoredAgentState {
    return { state: this.state, sinceWall: this.sinceWall };
  }
}
