// The calls a call-log export holds: every call that started in a range, oldest first, read as the
// fields shared/domain/callExport.ts writes. It takes a bare query function so the same query serves
// the running store (store.query) and the read-only copy the `npm run report` CLI recovers.
import type { ExportableCall } from '../../../../../shared/domain/callExport';
import type { ExportRange } from '../../../../../shared/domain/exportRange';
import type { Row } from '../../engine/store';

export type QueryRows = (sql: string, params: Array<string | number | null>) => Promise<Row[]> | Row[];

/**
 * The range test is on started_at alone, so the calls_started index serves it; id breaks ties
 * between calls that started in the same millisecond, so two exports of one range are identical.
 */
export const callsForExportSql = `SELECT id, agent_id, direction, remote_number, started_at, answered_at, ended_at, ring_count,
    answered_within_three_rings, hold_ms, talk_ms, wrap_ms, category, disposition, satisfaction, notes
  FROM calls WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id`;

export async function loadCallsForExport(query: QueryRows, range: ExportRange): Promise<ExportableCall[]> {
  const rows = await query(callsForExportSql, [range.fromWall, range.toWallExclusive]);
  return rows.map(toExportableCall);
}

/** A row the schema's types and CHECKs allow; anything else means a damaged database, so say which call. */
function toExportableCall(row: Row): ExportableCall {
  const id = String(row.id);
  const bad = (column: string) => new Error(`Call ${id}: the stored ${column} (${String(row[column])}) cannot be exported.`);
  const text = (column: string): string => {
    const value = row[column];
    if (typeof value !== 'string') throw bad(column);
    return value;
  };
  const optionalText = (column: string): string | null => (row[column] === null ? null : text(column));
  const integer = (column: string): number => {
    const value = row[column];
    if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(column);
    return value;
  };
  const optionalInteger = (column: string): number | null => (row[column] === null ? null : integer(column));

  const direction = text('direction');
  if (direction !== 'inbound' && direction !== 'outbound') throw bad('direction');
  const withinThreeRings = optionalInteger('answered_within_three_rings');
  if (withinThreeRings !== null && withinThreeRings !== 0 && withinThreeRings !== 1) throw bad('answered_within_three_rings');

  return {
    id,
    agentId: text('agent_id'),
    direction,
    remoteNumber: text('remote_number'),
    startedAt: integer('started_at'),
    answeredAt: optionalInteger('answered_at'),
    endedAt: optionalInteger('ended_at'),
    ringCount: optionalInteger('ring_count'),
    answeredWithinThreeRings: withinThreeRings,
    holdMs: integer('hold_ms'),
    talkMs: integer('talk_ms'),
    wrapMs: integer('wrap_ms'),
    category: optionalText('category'),
    disposition: optionalText('disposition'),
    satisfaction: optionalInteger('satisfaction'),
    notes: text('notes'),
  };
}
