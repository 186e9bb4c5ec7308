// The call log in the store: timeline rows appended to call_events, and the call's event-derived
// columns upserted into `calls` in the same transaction. The agent's own entries (category,
// disposition, satisfaction, notes) are never touched here: their features write them.
import type { CallLogRepository, TimelineRow } from '../../../../core/callLog/ports';
import type { CallRecordRow } from '../../../../../shared/domain/callRecord';
import type { SqlStatement, Store } from '../../engine/store';

/** Columns rebuilt from events on every write (the rest belong to the agent's forms). */
const eventColumns = [
  ['agent_id', 'agentId'],
  ['direction', 'direction'],
  ['remote_number', 'remoteNumber'],
  ['remote_name', 'remoteName'],
  ['outcome', 'outcome'],
  ['started_at', 'startedAt'],
  ['answered_at', 'answeredAt'],
  ['ended_at', 'endedAt'],
  ['ring_count', 'ringCount'],
  ['time_to_answer_ms', 'timeToAnswerMs'],
  ['answered_within_three_rings', 'answeredWithinThreeRings'],
  ['answered_by_second_ring', 'answeredBySecondRing'],
  ['hold_ms', 'holdMs'],
  ['talk_ms', 'talkMs'],
  ['wrap_ms', 'wrapMs'],
  ['caller_id_verified', 'callerIdVerified'],
] as const satisfies ReadonlyArray<readonly [string, keyof CallRecordRow]>;

/**
 * Who the call is with never changes after its first event. Leaving these out of the update also
 * keeps the full-text trigger (AFTER UPDATE OF notes, remote_name, remote_number) from re-indexing
 * the call's notes on every call event.
 */
const setOnceColumns = new Set(['remote_number', 'remote_name', 'caller_id_verified']);

// A note typed in the first moments of a call can be saved before the call's first row: the row
// then starts from the latest note revision instead of empty notes.
const upsertCallSql = `INSERT INTO calls (id, ${eventColumns.map(([c]) => c).join(', ')}, notes)
  VALUES (?, ${eventColumns.map(() => '?').join(', ')},
    coalesce((SELECT text FROM note_revisions WHERE call_id = ? ORDER BY revision DESC LIMIT 1), ''))
  ON CONFLICT (id) DO UPDATE SET ${eventColumns
    .filter(([c]) => !setOnceColumns.has(c))
    .map(([c]) => `${c} = excluded.${c}`)
    .join(', ')}`;

export function createCallLogStoreRepository(store: Store): CallLogRepository {
  return {
    async save(rows: TimelineRow[], record: CallRecordRow) {
      const statements: SqlStatement[] = [
        { sql: upsertCallSql, params: [record.id, ...eventColumns.map(([, key]) => record[key]), record.id] },
        ...rows.map((row) => ({
          sql: 'INSERT INTO call_events (call_id, kind, at_wall, at_monotonic, detail_json) VALUES (?, ?, ?, ?, ?)',
          params: [row.callId, row.kind, Math.round(row.atWall), row.atMonotonic, row.detailJson],
        })),
      ];
      await store.commit(statements);
    },
  };
}
