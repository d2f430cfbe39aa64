/**
 * GHL reports what is left of a location's budget in five headers on every answer (GHL docs,
 * "Rate Limits"): the burst window's size and remainder, and the daily cap's size and remainder.
 */
export interface RateLimitReport {
  /** X-RateLimit-Max: requests allowed per burst window. */
  max?: number;
  /** X-RateLimit-Remaining: requests left in the current burst window. */
  remaining?: number;
  /** X-RateLimit-Interval-Milliseconds: the burst window. */
  intervalMs?: number;
  /** X-RateLimit-Limit-Daily: requests allowed per day. */
  dailyMax?: number;
  /** X-RateLimit-Daily-Remaining: requests left today. */
  dailyRemaining?: number;
}

/** The lower-case names of the five headers, in the order of {@link RateLimitReport}. */
export const RATE_LIMIT_HEADERS = {
  max: 'x-ratelimit-max',
  remaining: 'x-ratelimit-remaining',
  intervalMs: 'x-ratelimit-interval-milliseconds',
  dailyMax: 'x-ratelimit-limit-daily',
  dailyRemaining: 'x-ratelimit-daily-remaining',
} as const satisfies Record<keyof RateLimitReport, string>;

/** Reads the five headers; a missing or non-numeric one is left out rather than guessed. */
export function readRateLimitHeaders(headers: Headers): RateLimitReport {
  const report: RateLimitReport = {};
  for (const [key, name] of Object.entries(RATE_LIMIT_HEADERS) as [
    keyof RateLimitReport,
    string,
  ][]) {
    const raw = headers.get(name);
    const value = raw === null || raw.trim() === '' ? NaN : Number(raw);
    if (Number.isFinite(value) && value >= 0) report[key] = value;
  }
  return report;
}
