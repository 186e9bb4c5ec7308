// The wall clock, re-read every `everyMs`: for badges that change as time passes (due soon, overdue).
import { useEffect, useState } from 'react';

export function useWallNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}
