// The dashboard's per-agent totals come from the day and 15-minute aggregates; a window that starts
// and ends at a local midnight (not a UTC one) must count exactly the calls inside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentTotals } from '../../../../../../../electron/adapters/store/repositories/metrics/dashboardQueries';
import { openStore, type Store } from '../../../../../../../electron/adapters/store/engine/store';
import { insertCall } from '../../../../../../support/database/callRows';
import { tempDataDir } from '../../../../../../support/webHost';

const hour = 3_600_000;
const day1 = Date.UTC(2026, 10, 1);
// Shanghai midnights are 16:00 UTC the day before.
const from = day1 + 16 * hour;
const to = day1 + 2 * 24 * hour + 16 * hour;

let store: Store;
beforeAll(async () => {
  store = await openStore({ dataDir: tempDataDir('deskline-dashboard-') });
  await store.commit([
    insertCall({ id: 'before', agentId: 'a1', startedAt: from - 10 * 60_000, talkMs: 1 }),
    insertCall({ id: 'first', agentId: 'a1', startedAt: from, talkMs: 10 }),
    insertCall({ id: 'middle', agentId: 'a1', startedAt: day1 + 27 * hour, talkMs: 100, isComplaint: true }),
    insertCall({ id: 'last', agentId: 'a1', startedAt: to - 60_000, talkMs: 1000, outcome: 'abandoned', timeToAnswerMs: null }),
    insertCall({ id: 'after', agentId: 'a1', startedAt: to, talkMs: 10_000 }),
    insertCall({ id: 'other', agentId: 'a2', startedAt: day1 + 30 * hour, talkMs: 7 }),
    insertCall({ id: 'ringing', agentId: 'a2', startedAt: day1 + 31 * hour, endedAt: null }),
  ]);
});
afterAll(() => store.close());

describe('agentTotals', () => {
  it('counts exactly the finished calls that started inside a local-midnight window', async () => {
    const totals = await agentTotals(store, from, to);
    expect(totals.map((t) => [t.agentId, t.offered, t.answered, t.abandoned, t.talkMsTotal, t.complaints])).toEqual([
      ['a1', 3, 2, 1, 1110, 1],
      ['a2', 1, 1, 0, 7, 0],
    ]);
  });

  it('handles a window shorter than a day', async () => {
    const totals = await agentTotals(store, day1 + 26 * hour, day1 + 28 * hour);
    expect(totals.map((t) => [t.agentId, t.talkMsTotal])).toEqual([['a1', 100]]);
  });
});
