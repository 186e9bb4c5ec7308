/** Returned by every `on…` subscription in the domain timers; calling it stops the deliveries. */
export type Unsubscribe = () => void;

type Listener<A extends unknown[]> = (...args: A) => void;

/**
 * A small listener set shared by the domain timers. Entries are wrapped so subscribing the same
 * function twice gives two independent subscriptions, and every listener is called even if one
 * throws: one broken view must not silence the ring counter for the others.
 */
export class Listeners<A extends unknown[]> {
  private readonly entries = new Set<{ fn: Listener<A> }>();

  add(fn: Listener<A>): Unsubscribe {
    const entry = { fn };
    this.entries.add(entry);
    return () => {
      this.entries.delete(entry);
    };
  }

  /** Calls every listener and collects what they threw, for a caller that must finish its own work first. */
  emitCollecting(errors: unknown[], ...args: A): void {
    // A copy, so a listener that unsubscribes (or subscribes) while being called changes nothing now.
    for (const entry of [...this.entries]) {
      try {
        entry.fn(...args);
      } catch (error) {
        errors.push(error);
      }
    }
  }

  /** Calls every listener, then rethrows the first error any of them threw. */
  emit(...args: A): void {
    const errors: unknown[] = [];
    this.emitCollecting(errors, ...args);
    if (errors.length > 0) throw errors[0];
  }
}
