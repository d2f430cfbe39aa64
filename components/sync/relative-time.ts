const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "1 change", "3 changes". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A span in the largest unit that fits, rounded by `round`: "25 s", "2 min", "3 h", "2 days". */
function span(ms: number, round: (value: number) => number): string {
  if (ms < MINUTE) return `${round(ms / SECOND)} s`;
  if (ms < HOUR) return `${round(ms / MINUTE)} min`;
  if (ms < DAY) return `${round(ms / HOUR)} h`;
  return plural(round(ms / DAY), 'day');
}

/**
 * How long ago `at` was, for a person: "just now", "40 s ago", "2 min ago". Rounded down, so a
 * sync 2 min 50 s ago is not reported as 3 min.
 */
export function timeAgo(at: number, now: number): string {
  const ms = now - at;
  // Under ten seconds (or a clock slightly ahead) reads better as "just now" than "3 s ago".
  if (ms < 10 * SECOND) return 'just now';
  return `${span(ms, Math.floor)} ago`;
}

/**
 * How long until `at`: "in 25 s", "in 4 min", or "due now" once it has passed. Rounded up, so a
 * countdown never says "in 0 s" while still waiting.
 */
export function timeUntil(at: number, now: number): string {
  const ms = at - now;
  if (ms <= 0) return 'due now';
  return `in ${span(ms, Math.ceil)}`;
}
