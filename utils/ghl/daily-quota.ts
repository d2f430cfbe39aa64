/**
 * What GHL last said of a location's daily request limit (X-RateLimit-Limit-Daily and
 * X-RateLimit-Daily-Remaining), less what this extension sent since. The limit is the whole
 * location's, shared by every teammate's extension.
 */
export interface DailyQuota {
  limit: number;
  remaining: number;
  /** When GHL reported it. */
  at: number;
}

/** How hard background sync must save the location's daily quota. */
export type QuotaPressure = 'normal' | 'slow' | 'paused';

/** Below this share of the daily limit left, background sync slows (issue 17). */
export const QUOTA_SLOW_BELOW = 0.2;

/** Below this share left, background sync pauses until GHL's daily reset. */
export const QUOTA_PAUSE_BELOW = 0.05;

/**
 * How long a daily figure is trusted without a fresher one. GHL does not say when its day
 * resets: after this, a request is let through to learn the new figure (see rate-limiter.ts), so
 * a pause ends within this long of the reset.
 */
export const QUOTA_FIGURE_TTL_MS = 5 * 60_000;

/** The pressure a quota reading puts on background sync at `now`; none known, or stale: normal. */
export function quotaPressure(quota: DailyQuota | undefined, now: number): QuotaPressure {
  if (!quota || quota.limit <= 0 || now - quota.at >= QUOTA_FIGURE_TTL_MS) return 'normal';
  const left = quota.remaining / quota.limit;
  if (left < QUOTA_PAUSE_BELOW) return 'paused';
  if (left < QUOTA_SLOW_BELOW) return 'slow';
  return 'normal';
}

/** Why the limiter refuses a background request while the quota is nearly spent. */
export const QUOTA_PAUSED_MESSAGE =
  'Background sync is paused: the GHL daily request limit for this location is nearly used up.';
