// Agent state service: a change is persisted before it is acknowledged, announced, and its segment reported.
import { describe, expect, it } from 'vitest';
import type { StoredAgentState } from '../../../../../shared/domain/agentState';
import { AgentStateService } from '../../../../../electron/core/agentState/agentStateService';
import type { AgentStateRepository, AgentStateSegment } from '../../../../../electron/core/agentState/ports';
import { EventHub } from '../../../../../electron/core/kernel/eventHub';
import { eventViewFor } from '../../../../../electron/core/softphone';
import { FakeClock } from '../../../../support/fakeClock';

class MemoryAgentStates implements AgentStateRepository {
  saved: StoredAgentState[] = [];
  constructor(private initial: StoredAgentState | null = null) {}
  async load() {
    return this.initial;
  }
  async save(state: StoredAgentState) {
    this.saved.push(structuredClone(state));
  }
}

describe('AgentStateService', () => {
  it('persists a change before acknowledging it, announces it and reports the segment', async () => {
    const clock = new FakeClock();
    const repo = new MemoryAgentStates();
    const hub = new EventHub(eventViewFor(null));
    const announced: unknown[] = [];
    hub.subscribe((event, payload) => announced.push([event, payload]));
    const service = await AgentStateService.open(clock, repo, hub);
    const segments: AgentStateSegment[] = [];
    service.onSegmentEnded((s) => segments.push(s));

    clock.advance(3_000);
    const view = await service.set({ kind: 'notReady', reason: 'training' });
    expect(view.state).toEqual({ kind: 'notReady', reason: 'training' });
    expect(repo.saved.at(-1)?.state).toEqual({ kind: 'notReady', reason: 'training' });
    expect(announced).toEqual([['onAgentStateChanged', view]]);
    expect(segments).toEqual([{ state: { kind: 'offline' }, durationMs: 3_000, endedAtWall: clock.wallNow() }]);
  });

  it('applies concurrent changes in call order, so the last click wins on disk too', async () => {
    const clock = new FakeClock();
    const repo = new MemoryAgentStates();
    const service = await AgentStateService.open(clock, repo, new EventHub(eventViewFor(null)));
    await Promise.all([
      service.set({ kind: 'ready' }),
      service.set({ kind: 'notReady', reason: 'meeting' }),
      service.set({ kind: 'notReady', reason: 'break' }),
    ]);
    expect(service.current()).toEqual({ kind: 'notReady', reason: 'break' });
    expect(repo.saved.map((s) => s.state)).toEqual([
      { kind: 'ready' },
      { kind: 'notReady', reason: 'meeting' },
      { kind: 'notReady', reason: 'break' },
    ]);
  });

  it('does not acknowledge a change that could not be saved', async () => {
    const clock = new FakeClock();
    const failing: AgentStateRepository = { load: async () => null, save: async () => Promise.reject(new Error('disk full')) };
    const service = await AgentStateService.open(clock, failing, new EventHub(eventViewFor(null)));
    await expect(service.set({ kind: 'ready' })).rejects.toThrow('disk full');
  });
});
