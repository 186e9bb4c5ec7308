// "elapsed / limit" for the hold and wrap-up timers, counting on locally between host updates.
import { formatDuration } from '../../common/formatDuration';
import { useElapsed } from '../../common/useElapsed';

export function ClockTimer({ label, elapsedMs, receivedAt, limitMs }: { label: string; elapsedMs: number; receivedAt: number; limitMs: number }) {
  const elapsed = useElapsed(elapsedMs, receivedAt);
  const over = elapsed >= limitMs;
  return (
    <p role="timer" aria-label={label} className={`clock-timer${over ? ' clock-timer--over' : ''}`}>
      {formatDuration(elapsed)} / {formatDuration(limitMs)}
    </p>
  );
}
