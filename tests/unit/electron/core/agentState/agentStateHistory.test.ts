// Issue 22: a change of agent state is acknowledged only once the state and the segment it ended
// are saved together, through the agent-state port (before, the segment went to the store after
// the acknowledgement, outside the port).
import { describe, expect, it } from 'vitest';
import { AgentStateService } from '../../../../../electron/core/agentState/agentStateService';
import type { AgentStateRepository, AgentStateSegment } from '../../../../../electron/core/agentState/ports';
import { EventHub } from '../../../../../electron/core/kernel/eventHub';
import { eventViewFor } from '../../../../../electron/core/softphone';
import type { StoredAgentState } from '../../../../../shared/domain/agentState';
import { FakeClock } from '../../../../support/fakeClock';

/** Holds each save open until the test lets it finish. */
class HeldSaves implements AgentStateRepository {
  readonly saves: Array<{ state: StoredAgentState; segment: AgentStateSegment | null; finish: () => void }> = [];
  async load() {
    return null;
  }
  save(state: StoredAgentState, segment: AgentStateSegment | null): Promise<void> {
    return new Promise((resolve) => this.saves.push({ state, segment, finish: resolve }));
  }
}

describe('agent-state history through the port', () => {
  it('saves the ended segment with the new state, and acknowledges only after both are saved', async () => {
    const clock = new FakeClock({ wallStart: 1_000_000 });
    const repository = new HeldSaves();
    const service = await AgentStateService.open(clock, repository, new EventHub(eventViewFor(null)));
    let acknowledged = false;
    const first = service.set({ kind: 'ready' }).then(() => (acknowledged = true));
    await Promise.resolve();
    expect(repository.saves).toHaveLength(1);
    expect(repository.saves[0]!.state.state).toEqual({ kind: 'ready' });
    expect(repository.saves[0]!.segment).toEqual({ state: { kind: 'offline' }, durationMs: 0, endedAtWall: 1_000_000 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(acknowledged, 'not acknowledged while the save is open').toBe(false);
    repository.saves[0]!.finish();
    await first;
    expect(acknowledged).toBe(true);

    clock.advance(90_000);
    const second = service.set({ kind: 'notReady', reason: 'break' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(repository.saves[1]!.segment).toEqual({ state: { kind: 'ready' }, durationMs: 90_000, endedAtWall: 1_090_000 });
    repository.saves[1]!.finish();
    await second;
  });
});
