// What the agent-state feature needs from a host: where the current state and its history are kept.
import type { AgentState, AgentStateTotals } from '../../../shared/contract/agentState';
import type { StoredAgentState } from '../../../shared/domain/agentState';

/** A finished stretch of one state (occupancy and not-ready time by reason are computed from these). */
export interface AgentStateSegment {
  state: AgentState;
  durationMs: number;
  endedAtWall: number;
}

/** Where the agent's current state is kept so that it survives a restart, with its history. */
export interface AgentStateRepository {
  load(): Promise<StoredAgentState | null>;
  /**
   * Keeps the new current state and, when a state just ended, its segment — in one transaction,
   * durable when this resolves: a change is acknowledged only with its history written.
   */
  save(state: StoredAgentState, endedSegment: AgentStateSegment | null): Promise<void>;
}

export interface AgentStatePorts {
  repository: AgentStateRepository;
  /** Time per agent state and occupancy for a period (team leads). */
  totals(fromWall: number, toWall: number): Promise<AgentStateTotals[]>;
}
