// Dashboard figures read from the day and 15-minute aggregates (migration 002) instead of raw
// calls, so a 30-day, all-agents view costs the same at 10k calls as at 1M (S-7 monitoring).
import { dayMs } from '../../migrations/002_intervalStats';
import type { Store } from '../../engine/store';

export interface AgentTotals {
  agentId: string;
  offered: number;
  answered: number;
  withinThreeRings: number;
  bySecondRing: number;
  abandoned: number;
  answerMsTotal: number;
  talkMsTotal: number;
  holdMsTotal: number;
  wrapMsTotal: number;
  complaints: number;
}

const sums = `sum(offered) AS offered, sum(answered) AS answered, sum(within_three_rings) AS w3,
  sum(by_second_ring) AS b2, sum(abandoned) AS abandoned, sum(answer_ms_total) AS answer_ms,
  sum(talk_ms_total) AS talk_ms, sum(hold_ms_total) AS hold_ms, sum(wrap_ms_total) AS wrap_ms,
  sum(complaints) AS complaints`;

/**
 * Per-agent totals for calls that started in [fromWall, toWall) (both on 15-minute boundaries, as
 * local midnights are in every time zone). Whole UTC days come from day_stats; the partial days at
 * either edge from interval_stats, so the cost is about one row per agent per day.
 */
export async function agentTotals(store: Pick<Store, 'query'>, fromWall: number, toWall: number): Promise<AgentTotals[]> {
  const firstWholeDay = Math.ceil(fromWall / dayMs) * dayMs;
  const endWholeDays = Math.max(firstWholeDay, Math.floor(toWall / dayMs) * dayMs);
  const rows = await store.query(
    `SELECT agent_id, ${sums} FROM (
        SELECT * FROM day_stats WHERE bucket_start >= ? AND bucket_start < ?
        UNION ALL SELECT * FROM interval_stats WHERE bucket_start >= ? AND bucket_start < ?
        UNION ALL SELECT * FROM interval_stats WHERE bucket_start >= ? AND bucket_start < ?
      ) GROUP BY agent_id ORDER BY agent_id`,
    [firstWholeDay, endWholeDays, fromWall, Math.min(firstWholeDay, toWall), Math.max(endWholeDays, fromWall), toWall],
  );
  return rows.map((r) => ({
    agentId: String(r.agent_id),
    offered: Number(r.offered),
    answered: Number(r.answered),
    withinThreeRings: Number(r.w3),
    bySecondRing: Number(r.b2),
    abandoned: Number(r.abandoned),
    answerMsTotal: Number(r.answer_ms),
    talkMsTotal: Number(r.talk_ms),
    holdMsTotal: Number(r.hold_ms),
    wrapMsTotal: Number(r.wrap_ms),
    complaints: Number(r.complaints),
  }));
}
