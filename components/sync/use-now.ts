import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, refreshed every `intervalMs`, so "2 min ago" and "in 25 s" stay true while
 * the popup is open.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
