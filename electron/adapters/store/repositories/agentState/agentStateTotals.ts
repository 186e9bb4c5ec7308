// Where agents' time went in a period, from the recorded state segments and the calls: time per
// state and per not-ready reason, and occupancy. An agent stays Ready while talking and wrapping
// up (those are call phases, not agent states), so occupancy = handle time (talk + hold + wrap of
// calls that started in the period) / time in Ready. Segments are clipped to the period.
import type { AgentStateTotals } from '../../../../../shared/contract/agentState';
import type { Store } from '../../engine/store';

export async function agentStateTotals(store: Pick<Store, 'query'>, fromWall: number, toWall: number): Promise<AgentStateTotals[]> {
  // A segment is stored when it ends, with its length; it started at ended_at - duration_ms.
  const segments = await store.query(
    `SELECT agent_id, state_kind, coalesce(reason, '') AS reason,
            sum(max(0, min(ended_at, ?) - max(ended_at - duration_ms, ?))) AS ms
       FROM agent_state_segments
      WHERE ended_at > ? AND ended_at - duration_ms < ?
      GROUP BY agent_id, state_kind, reason`,
    [toWall, fromWall, fromWall, toWall],
  );
  const handle = await store.query(
    `SELECT agent_id, sum(talk_ms + hold_ms + wrap_ms) AS ms FROM calls
      WHERE started_at >= ? AND started_at < ? AND ended_at IS NOT NULL GROUP BY agent_id`,
    [fromWall, toWall],
  );
  const byAgent = new Map<string, AgentStateTotals>();
  const totals = (agentId: string) => {
    let t = byAgent.get(agentId);
    if (!t) byAgent.set(agentId, (t = { agentId, readyMs: 0, offlineMs: 0, notReadyMs: 0, notReadyByReasonMs: {}, handleMs: 0, occupancy: null }));
    return t;
  };
  for (const row of segments) {
    const t = totals(String(row.agent_id));
    const ms = Number(row.ms);
    if (row.state_kind === 'ready') t.readyMs += ms;
    else if (row.state_kind === 'offline') t.offlineMs += ms;
    else if (row.state_kind === 'notReady') {
      t.notReadyMs += ms;
      const reason = String(row.reason) || 'unspecified';
      t.notReadyByReasonMs[reason] = (t.notReadyByReasonMs[reason] ?? 0) + ms;
    }
  }
  for (const row of handle) totals(String(row.agent_id)).handleMs = Number(row.ms);
  for (const t of byAgent.values()) t.occupancy = t.readyMs > 0 ? Math.min(1, t.handleMs / t.readyMs) : null;
  return [...byAgent.values()].sort((a, b) => a.agentId.localeCompare(b.agentId));
}
