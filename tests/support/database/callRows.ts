// Builds call rows for store tests and benchmarks: one INSERT per call, with the columns the
// interval aggregates read.
import type { SqlStatement } from '../../../electron/adapters/store/engine/store';

export interface CallRow {
  id: string;
  agentId: string;
  direction?: 'inbound' | 'outbound';
  remoteNumber?: string;
  remoteName?: string | null;
  outcome?: 'answered' | 'abandoned' | 'missed';
  startedAt: number;
  answeredAt?: number | null;
  endedAt?: number | null;
  ringCount?: number;
  timeToAnswerMs?: number | null;
  talkMs?: number;
  holdMs?: number;
  wrapMs?: number;
  isComplaint?: boolean;
  notes?: string;
}

export function insertCall(c: CallRow): SqlStatement {
  const answered = c.outcome === undefined || c.outcome === 'answered';
  const tta = c.timeToAnswerMs ?? (answered ? 8_000 : null);
  return {
    sql: `INSERT INTO calls (id, agent_id, direction, remote_number, remote_name, outcome, started_at, answered_at, ended_at,
            ring_count, time_to_answer_ms, answered_within_three_rings, answered_by_second_ring, hold_ms, talk_ms, wrap_ms, is_complaint, notes)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    params: [
      c.id,
      c.agentId,
      c.direction ?? 'inbound',
      c.remoteNumber ?? '13800138000',
      c.remoteName ?? null,
      c.outcome ?? 'answered',
      c.startedAt,
      c.answeredAt !== undefined ? c.answeredAt : answered ? c.startedAt + (tta ?? 0) : null,
      c.endedAt !== undefined ? c.endedAt : c.startedAt + 120_000,
      c.ringCount ?? 2,
      tta,
      tta !== null && tta < 15_000 ? 1 : 0,
      tta !== null && tta < 10_000 ? 1 : 0,
      c.holdMs ?? 0,
      c.talkMs ?? 100_000,
      c.wrapMs ?? 20_000,
      c.isComplaint ? 1 : 0,
      c.notes ?? '',
    ],
  };
}
