// Missed and declined calls kept in memory (bounded) until the store lands; same repository port.
import type { CallListEntry } from '../../../shared/contract/softphone';
import type { CallListRepository } from './ports';

export class InMemoryCallLists implements CallListRepository {
  private readonly lists = { missed: [] as CallListEntry[], declined: [] as CallListEntry[] };

  constructor(private readonly capacity = 500) {}

  async add(list: 'missed' | 'declined', entry: CallListEntry): Promise<void> {
    const entries = this.lists[list];
    entries.unshift({ ...entry, seen: list === 'declined' ? true : entry.seen });
    entries.length = Math.min(entries.length, this.capacity);
  }

  async list(list: 'missed' | 'declined', limit: number): Promise<CallListEntry[]> {
    return this.lists[list].slice(0, limit).map((e) => ({ ...e }));
  }

  async markMissedSeen(): Promise<void> {
    for (const entry of this.lists.missed) entry.seen = true;
  }

  async unseenMissedCount(): Promise<number> {
    return this.lists.missed.filter((e) => !e.seen).length;
  }
}
