// Version 2: per-agent aggregates per 15-minute interval and per UTC day, kept current by triggers
// when a call is written, so dashboards read a few thousand rows instead of scanning every call
// (S-7 monitoring). A 30-day view reads whole days from day_stats and only the partial days at its
// edges (a local midnight is rarely a UTC one) from interval_stats. Existing calls are backfilled.
// Both tables are keyed by time first, so a time range is one contiguous scan with no lookups.
import type { Migration } from './migration';

export const intervalMs = 15 * 60 * 1000;
export const dayMs = 24 * 60 * 60 * 1000;

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

function upsert(table: 'interval_stats' | 'day_stats', bucketMs: number, r: string, sign: number): string {
  return `INSERT INTO ${table} (bucket_start, agent_id, ${columns.join(', ')})
    VALUES ((${r}.started_at / ${bucketMs}) * ${bucketMs}, ${r}.agent_id, ${contribution(r).map((v) => `${sign} * (${v})`).join(', ')})
    ON CONFLICT (bucket_start, agent_id) DO UPDATE SET ${columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
}

const both = (r: string, sign: number) => `${upsert('interval_stats', intervalMs, r, sign)} ${upsert('day_stats', dayMs, r, sign)}`;

const createTable = (table: string) => `CREATE TABLE ${table} (
      bucket_start INTEGER NOT NULL,
      agent_id TEXT NOT NULL,
      ${columns.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n      ')},
      PRIMARY KEY (bucket_start, agent_id)
    ) WITHOUT ROWID`;

const backfill = (table: string, bucketMs: number) => `INSERT INTO ${table} (bucket_start, agent_id, ${columns.join(', ')})
      SELECT (c.started_at / ${bucketMs}) * ${bucketMs}, c.agent_id, ${contribution('c')
        .map((v) => `sum(${v})`)
        .join(', ')}
      FROM calls c WHERE c.ended_at IS NOT NULL
      GROUP BY (c.started_at / ${bucketMs}) * ${bucketMs}, c.agent_id`;

export const migration002: Migration = {
  version: 2,
  name: 'interval and day stats',
  statements: [
    createTable('interval_stats'),
    createTable('day_stats'),
    // Only finished calls count; a call row is first written while it rings (ended_at NULL).
    `CREATE TRIGGER calls_stats_insert AFTER INSERT ON calls WHEN NEW.ended_at IS NOT NULL BEGIN ${both('NEW', 1)} END`,
    `CREATE TRIGGER calls_stats_update_old AFTER UPDATE ON calls WHEN OLD.ended_at IS NOT NULL BEGIN ${both('OLD', -1)} END`,
    `CREATE TRIGGER calls_stats_update_new AFTER UPDATE ON calls WHEN NEW.ended_at IS NOT NULL BEGIN ${both('NEW', 1)} END`,
    `CREATE TRIGGER calls_stats_delete AFTER DELETE ON calls WHEN OLD.ended_at IS NOT NULL BEGIN ${both('OLD', -1)} END`,
    backfill('interval_stats', intervalMs),
    backfill('day_stats', dayMs),
  ],
};

export const intervalStatColumns = columns;
