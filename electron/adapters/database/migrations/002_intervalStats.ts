// Version 2: per-agent, per-15-minute aggregates kept current by triggers when a call is written,
// so dashboards read a few thousand rows instead of scanning every call (S-7 monitoring).
// Existing calls are backfilled.
import type { Migration } from './migration';

export const intervalMs = 15 * 60 * 1000;

const columns = [
  'calls', 'offered', 'answered', 'within_three_rings', 'by_second_ring', 'abandoned',
  'answer_ms_total', 'talk_ms_total', 'hold_ms_total', 'wrap_ms_total', 'complaints',
] as const;

/** One call's contribution to each column of its interval, from the row alias `r`. */
function contribution(r: string): string[] {
  const inbound = `(${r}.direction = 'inbound')`;
  const values = [
    '1',
    `${inbound}`,
    `(${inbound} AND ${r}.answered_at IS NOT NULL)`,
    `(${inbound} AND coalesce(${r}.answered_within_three_rings, 0) = 1)`,
    `(${inbound} AND coalesce(${r}.answered_by_second_ring, 0) = 1)`,
    `(${r}.outcome = 'abandoned')`,
    `(CASE WHEN ${inbound} THEN coalesce(${r}.time_to_answer_ms, 0) ELSE 0 END)`,
    `${r}.talk_ms`,
    `${r}.hold_ms`,
    `${r}.wrap_ms`,
    `(${r}.is_complaint = 1)`,
  ];
  return values;
}

function upsert(r: string, sign: number): string {
  return `INSERT INTO interval_stats (agent_id, interval_start, ${columns.join(', ')})
    VALUES (${r}.agent_id, (${r}.started_at / ${intervalMs}) * ${intervalMs}, ${contribution(r).map((v) => `${sign} * (${v})`).join(', ')})
    ON CONFLICT (agent_id, interval_start) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

export const migration002: Migration = {
  version: 2,
  name: 'interval stats',
  statements: [
    `CREATE TABLE interval_stats (
      agent_id TEXT NOT NULL,
      interval_start INTEGER NOT NULL,
      ${columns.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (agent_id, interval_start)
    ) WITHOUT ROWID`,
    `CREATE INDEX interval_stats_start ON interval_stats (interval_start)`,
    // Only finished calls count; a call row is first written while it rings (ended_at NULL).
    `CREATE TRIGGER calls_stats_insert AFTER INSERT ON calls WHEN NEW.ended_at IS NOT NULL BEGIN ${upsert('NEW', 1)} END`,
    `CREATE TRIGGER calls_stats_update_old AFTER UPDATE ON calls WHEN OLD.ended_at IS NOT NULL BEGIN ${upsert('OLD', -1)} END`,
    `CREATE TRIGGER calls_stats_update_new AFTER UPDATE ON calls WHEN NEW.ended_at IS NOT NULL BEGIN ${upsert('NEW', 1)} END`,
    `CREATE TRIGGER calls_stats_delete AFTER DELETE ON calls WHEN OLD.ended_at IS NOT NULL BEGIN ${upsert('OLD', -1)} END`,
    `INSERT INTO interval_stats (agent_id, interval_start, ${columns.join(', ')})
      SELECT c.agent_id, (c.started_at / ${intervalMs}) * ${intervalMs}, ${contribution('c')
        .map((v) => `sum(${v})`)
        .join(', ')}
      FROM calls c WHERE c.ended_at IS NOT NULL
      GROUP BY c.agent_id, (c.started_at / ${intervalMs}) * ${intervalMs}`,
  ],
};

export const intervalStatColumns = columns;
