// Issue 5: agent states and their durations give not-ready time by reason and occupancy, counted
// inside the period asked for (segments that cross its edges are clipped). Real store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentStateTotals } from '../../../../../../../electron/adapters/store/repositories/agentState/agentStateTotals';
import { recordAgentStateSegment } from '../../../../../../../electron/adapters/store/repositories/agentState/agentStateRepository';
import { openStore, type Store } from '../../../../../../../electron/adapters/store/engine/store';
import { openContractSocket } from '../../../../../../support/contractSocket';
import { startWebHost, tempDataDir } from '../../../../../../support/webHost';

const t0 = Date.UTC(2026, 10, 23, 1, 0, 0); // 09:00 in Shanghai
const min = 60_000;
let store: Store;
const dataDir = tempDataDir('deskline-agent-states-');

beforeAll(async () => {
  store = await openStore({ dataDir });
  const segment = (agent: string, state: Parameters<typeof recordAgentStateSegment>[2]['state'], startMin: number, endMin: number) =>
    recordAgentStateSegment(store, agent, { state, endedAtWall: t0 + endMin * min, durationMs: (endMin - startMin) * min } as Parameters<typeof recordAgentStateSegment>[2]);
  // Agent a: offline until 09:00 (started 08:30), ready 09:00–10:00, break 10:00–10:15, ready 10:15–11:00, lunch 11:00–12:00.
  await segment('a', { kind: 'offline' }, -30, 0);
  await segment('a', { kind: 'ready' }, 0, 60);
  await segment('a', { kind: 'notReady', reason: 'break' }, 60, 75);
  await segment('a', { kind: 'ready' }, 75, 120);
  await segment('a', { kind: 'notReady', reason: 'lunch' }, 120, 180);
  await segment('b', { kind: 'notReady', reason: 'missed' }, 10, 12);
  await store.commit([
    {
      sql: `INSERT INTO calls (id, agent_id, direction, remote_number, outcome, started_at, answered_at, ended_at, talk_ms, hold_ms, wrap_ms)
            VALUES ('c1', 'a', 'inbound', '3001', 'answered', ?, ?, ?, ?, ?, ?), ('c2', 'a', 'inbound', '3002', 'answered', ?, ?, ?, ?, ?, ?)`,
      params: [t0 + 5 * min, t0 + 5 * min, t0 + 20 * min, 12 * min, 2 * min, 1 * min, t0 + 80 * min, t0 + 80 * min, t0 + 100 * min, 18 * min, 0, 2 * min],
    },
  ]);
});
afterAll(async () => {
  await store?.close();
});

describe('agent state totals', () => {
  it('adds up ready, not ready by reason and occupancy for the morning 09:00–12:00', async () => {
    const [a, b] = await agentStateTotals(store, t0, t0 + 180 * min);
    expect(a).toEqual({
      agentId: 'a',
      readyMs: 105 * min,
      offlineMs: 0, // it ended exactly at 09:00
      notReadyMs: 75 * min,
      notReadyByReasonMs: { break: 15 * min, lunch: 60 * min },
      handleMs: 35 * min,
      occupancy: 35 / 105,
    });
    expect(b).toMatchObject({ agentId: 'b', notReadyByReasonMs: { missed: 2 * min }, occupancy: null });
  });

  it('clips segments that cross the edges of the period', async () => {
    const [a] = await agentStateTotals(store, t0 + 30 * min, t0 + 90 * min);
    // Ready 09:30–10:00 and 10:15–10:30, break 10:00–10:15; only c2 started inside.
    expect(a).toMatchObject({ readyMs: 45 * min, notReadyByReasonMs: { break: 15 * min }, handleMs: 20 * min });
  });

  it('team leads read them over the contract for a day; agents may not; a bad date is refused', async () => {
    await store.close();
    const lead = await startWebHost({ dataDir, lang: 'en', extraArgs: ['--role', 'teamLead'] });
    try {
      const socket = await openContractSocket(lead);
      // Times with their offset, so the test reads the same day in any host time zone.
      const reply = await socket.request('getAgentStateTotals', { from: '2026-11-23T00:00:00+08:00', to: '2026-11-24T00:00:00+08:00' });
      expect(reply).toMatchObject({ ok: true, value: [{ agentId: 'a', readyMs: 105 * min, notReadyByReasonMs: { break: 15 * min, lunch: 60 * min } }, { agentId: 'b' }] });
      expect(await socket.request('getAgentStateTotals', { from: '2026-11-31', to: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      socket.close();
    } finally {
      await lead.stop();
    }
    const agent = await startWebHost({ dataDir, lang: 'en' });
    try {
      const socket = await openContractSocket(agent);
      expect(await socket.request('getAgentStateTotals', { from: '2026-11-23', to: '2026-11-23' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      socket.close();
    } finally {
      await agent.stop();
    }
    store = await openStore({ dataDir });
  });
});
