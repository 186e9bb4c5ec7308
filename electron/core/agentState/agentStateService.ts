// Owns the agent state: changes it, persists it before acknowledging, and announces it.
import type { AgentState, AgentStateView } from '../../../shared/contract/agentState';
import { AgentStateTracker } from '../../../shared/domain/agentState';
import type { EventHub } from '../kernel/eventHub';
import type { AgentStateRepository, CorePorts } from '../ports';

export interface AgentStateSegment {
  state: AgentState;
  durationMs: number;
  endedAtWall: number;
}

export class AgentStateService {
  private segmentListeners = new Set<(segment: AgentStateSegment) => void>();
  /** Writes are serialised so a fast double click cannot persist an older state last. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly tracker: AgentStateTracker,
    private readonly repository: AgentStateRepository,
    private readonly eventHub: EventHub,
    private readonly clock: CorePorts['clock'],
  ) {}

  static async open(ports: CorePorts, eventHub: EventHub): Promise<AgentStateService> {
    const restored = await ports.agentStates.load();
    return new AgentStateService(
      new AgentStateTracker(ports.clock, restored),
      ports.agentStates,
      eventHub,
      ports.clock,
    );
  }

  view(): AgentStateView {
    return this.tracker.view();
  }

  current(): AgentState {
    return this.tracker.current();
  }

  /** Called for every finished state segment (occupancy and not-ready reporting). */
  onSegmentEnded(listener: (segment: AgentStateSegment) => void): () => void {
    this.segmentListeners.add(listener);
    return () => this.segmentListeners.delete(listener);
  }

  set(next: AgentState): Promise<AgentStateView> {
    const run = this.queue.then(async () => {
      const finished = this.tracker.transition(next);
      if (finished) {
        await this.repository.save(this.tracker.stored());
        const segment = {
          state: finished.previous,
          durationMs: finished.durationMs,
          endedAtWall: this.clock.wallNow(),
        };
        for (const listener of this.segmentListeners) listener(segment);
        this.eventHub.emit('onAgentStateChanged', this.tracker.view());
      }
      return this.tracker.view();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
