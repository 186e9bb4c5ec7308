// The agent's current state and finished state segments, kept in the store.
import { z } from 'zod';
import { agentStateSchema } from '../../../../../shared/contract/agentState';
import type { AgentStateRepository, AgentStateSegment } from '../../../../core/agentState/ports';
import type { SqlStatement, Store } from '../../engine/store';

export function createStoreAgentStateRepository(store: Store, agentId: string): AgentStateRepository {
  return {
    async load() {
      const [row] = await store.query('SELECT state_json, since_wall FROM agent_state_current WHERE agent_id = ?', [agentId]);
      if (!row) return null;
      const state = agentStateSchema.safeParse(safeJson(String(row.state_json)));
      return state.success ? { state: state.data, sinceWall: Number(row.since_wall) } : null;
    },
    async save(stored, endedSegment) {
      // One commit: the acknowledged change and the segment it ended are durable together.
      await store.commit([
        {
          sql: `INSERT INTO agent_state_current (agent_id, state_json, since_wall) VALUES (?, ?, ?)
                ON CONFLICT (agent_id) DO UPDATE SET state_json = excluded.state_json, since_wall = excluded.since_wall`,
          params: [agentId, JSON.stringify(stored.state), stored.sinceWall],
        },
        ...(endedSegment ? [segmentStatement(agentId, endedSegment)] : []),
      ]);
    },
  };
}

/** Records a finished segment (occupancy and not-ready time by reason are computed from these). */
export function recordAgentStateSegment(store: Store, agentId: string, segment: AgentStateSegment): Promise<unknown> {
  return store.commit([segmentStatement(agentId, segment)]);
}

function segmentStatement(agentId: string, segment: AgentStateSegment): SqlStatement {
  return {
    sql: 'INSERT INTO agent_state_segments (agent_id, state_kind, reason, ended_at, duration_ms) VALUES (?, ?, ?, ?, ?)',
    params: [agentId, segment.state.kind, segment.state.kind === 'notReady' ? segment.state.reason : null, segment.endedAtWall, Math.round(segment.durationMs)],
  };
}

const storedSchema = z.unknown();
function safeJson(text: string): unknown {
  try {
    return storedSchema.parse(JSON.parse(text));
  } catch {
    return undefined;
  }
}
