// Who is at this desk: the agent the phone belongs to right now (hot-desking). Features that ask
// "whose calls are these" (S-6 number views, call records, live-call parties) read it here; the
// identity feature sets it when an agent signs in or out.
import { Listeners } from '../../../shared/domain/listeners';
import type { CallerContext } from './caller';

export class Desk {
  private agent: CallerContext | null = null;
  private readonly changes = new Listeners<[agent: CallerContext | null]>();

  /** `nobody`: who the desk's calls belong to while no agent is signed in (hostInfo's user). */
  constructor(private readonly nobody: CallerContext) {}

  /** The signed-in agent, or null. */
  agentAtDesk(): CallerContext | null {
    return this.agent;
  }

  /** Who this desk's calls belong to: the agent at the desk, or the host's own user. */
  owner(): CallerContext {
    return this.agent ?? this.nobody;
  }

  ownerId(): string {
    return this.owner().userId;
  }

  set(agent: CallerContext | null): void {
    if (agent?.userId === this.agent?.userId) return;
    this.agent = agent;
    this.changes.emit(agent);
  }

  /** The agent at the desk is the same but what belongs to them changed (an admin set their phone account). */
  refresh(userId: string): void {
    if (this.agent && this.agent.userId.toLowerCase() === userId.toLowerCase()) this.changes.emit(this.agent);
  }

  onChange(listener: (agent: CallerContext | null) => void): () => void {
    return this.changes.add(listener);
  }
}
