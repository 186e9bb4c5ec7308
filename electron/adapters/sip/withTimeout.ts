// A promise that rejects when another has not settled within a time on the injected clock.
import type { Clock } from '../../../shared/domain/clock';

export function withTimeout<T>(clock: Clock, promise: Promise<T>, ms: number, message = 'Timed out'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimer(() => reject(new Error(message)), ms);
    promise.then(
      (value) => {
        clock.clearTimer(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimer(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
