// Owns the agent state: changes it, persists it before acknowledging, and announces it.
import type { AgentState, AgentStateView } from '../../../shared/contract/agentState';
import { AgentStateTracker } from '../../../shared/domain/agentState';
import type { Clock } from '../../../shared/domain/clock';
import type { EventHub } from '../kernel/eventHub';
import type { AgentStateRepository, AgentStateSegment } from './ports';

export class AgentStateService {
  private segmentListeners = new Set<(segment: AgentStateSegment) => void>();
  /** Writes are serialised so a fast double click cannot persist an older state last. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly tracker: AgentStateTracker,
    private readonly repository: AgentStateRepository,
    private readonly eventHub: EventHub,
    private readonly clock: Clock,
  ) {}

  static async open(clock: Clock, repository: AgentStateRepository, eventHub: EventHub): Promise<AgentStateService> {
    const restored = await repository.load();
    return new AgentStateService(new AgentStateTracker(clock, restored), repository, eventHub, clock);
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
        const segment: AgentStateSegment = {
          state: finished.previous,
          durationMs: finished.durationMs,
          endedAtWall: this.clock.wallNow(),
        };
        // The segment is written with the new state, so an acknowledged change has its history.
        await this.repository.save(this.tracker.stored(), segment);
        for (const listener of this.segmentListeners) listener(segment);
        this.eventHub.emit('onAgentStateChanged', this.tracker.view());
      }
      return this.tracker.view();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
