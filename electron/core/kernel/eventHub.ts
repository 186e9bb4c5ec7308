// Typed fan-out of contract events from core services to every connected renderer.
import { events, type EventName, type EventPayloadOf } from '../../../shared/contract/api';
import type { CallerContext } from './caller';

/** What one subscriber may see of a payload (S-6: numbers masked per role); the softphone decides it. */
export type EventView = <E extends EventName>(event: E, payload: EventPayloadOf<E>, viewer: CallerContext) => EventPayloadOf<E>;

export type EventListener = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  /** `viewFor` turns a payload into what one subscriber may see (S-6). */
  constructor(private readonly viewFor: EventView) {}

  /** Every payload as emitted, for the core's own consumers. Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * S-6: for a renderer (or anything else that shows events to a person): each payload as `caller`
   * may see it, numbers masked per role like every other read. `caller` may be a function, asked
   * on every event (a connection whose session signs in, out or locks); null = deliver nothing.
   * Returns the unsubscribe function.
   */
  subscribeFor(caller: CallerContext | (() => CallerContext | null), listener: EventListener): () => void {
    const viewer = typeof caller === 'function' ? caller : () => caller;
    return this.subscribe((event, payload) => {
      const current = viewer();
      if (current) listener(event, this.viewFor(event, payload, current));
    });
  }

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    // Events are part of the contract too: a service emitting a malformed one is a bug, caught here.
    const checked = events[event].parse(payload) as EventPayloadOf<E>;
    for (const listener of this.listeners) listener(event, checked);
  }
}
