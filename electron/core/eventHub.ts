// Typed fan-out of contract events from core services to every connected renderer.
import { events, type EventName, type EventPayloadOf } from '../../shared/contract/api';

export type EventListener = <E extends EventName>(event: E, payload: EventPayloadOf<E>) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void {
    // Events are part of the contract too: a service emitting a malformed one is a bug, caught here.
    const checked = events[event].parse(payload) as EventPayloadOf<E>;
    for (const listener of this.listeners) listener(event, checked);
  }
}
