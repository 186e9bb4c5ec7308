// Counts on locally from an elapsed value the host reported, so the display ticks every second
// without asking the host and without trusting the two machines' wall clocks to agree.
import { useEffect, useState } from 'react';

export function useElapsed(elapsedAtReceipt: number, receivedAt: number): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(performance.now()), 250);
    return () => window.clearInterval(timer);
  }, []);
  return elapsedAtReceipt + Math.max(0, now - receivedAt);
}
