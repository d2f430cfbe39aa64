import type { Clock } from '../utils/clock';
import { GHL_RATE_LIMITS } from '../utils/ghl/api-constants';
import { RATE_LIMIT_HEADERS } from '../utils/ghl/rate-limit-headers';

/** The limits the Sandbox enforces; GHL's by default. */
export interface SandboxRateLimits {
  max: number;
  intervalMs: number;
  dailyLimit: number;
}

interface Bucket {
  /** When each request of the current window was accepted. */
  window: number[];
  day: string;
  usedToday: number;
}

/**
 * GHL's rate limits per location, shared by every token of that location: `max` requests in any
 * sliding `intervalMs` window and `dailyLimit` per UTC day. Every answer carries the five
 * X-RateLimit-* headers; a request past a limit is refused with 429 and Retry-After.
 */
export function createRateBuckets(clock: Clock, initial: Partial<SandboxRateLimits> = {}) {
  const limits: SandboxRateLimits = {
    max: GHL_RATE_LIMITS.burstMax,
    intervalMs: GHL_RATE_LIMITS.burstIntervalMs,
    dailyLimit: GHL_RATE_LIMITS.dailyMax,
    ...initial,
  };
  const buckets = new Map<string, Bucket>();

  function bucketOf(locationId: string): Bucket {
    const now = clock.now();
    const day = new Date(now).toISOString().slice(0, 10);
    let bucket = buckets.get(locationId);
    if (!bucket) buckets.set(locationId, (bucket = { window: [], day, usedToday: 0 }));
    if (bucket.day !== day) Object.assign(bucket, { day, usedToday: 0 });
    while (bucket.window.length > 0 && bucket.window[0]! <= now - limits.intervalMs) {
      bucket.window.shift();
    }
    return bucket;
  }

  function headersOf(bucket: Bucket): Record<string, string> {
    return {
      [RATE_LIMIT_HEADERS.max]: String(limits.max),
      [RATE_LIMIT_HEADERS.remaining]: String(Math.max(0, limits.max - bucket.window.length)),
      [RATE_LIMIT_HEADERS.intervalMs]: String(limits.intervalMs),
      [RATE_LIMIT_HEADERS.dailyMax]: String(limits.dailyLimit),
      [RATE_LIMIT_HEADERS.dailyRemaining]: String(
        Math.max(0, limits.dailyLimit - bucket.usedToday),
      ),
    };
  }

  return {
    /** Counts one request against the location, or refuses it with the seconds to wait. */
    take(locationId: string): {
      allowed: boolean;
      headers: Record<string, string>;
      retryAfterSeconds: number;
    } {
      const bucket = bucketOf(locationId);
      const now = clock.now();
      if (bucket.usedToday >= limits.dailyLimit) {
        const midnight = Date.parse(`${bucket.day}T00:00:00Z`) + 86_400_000;
        return {
          allowed: false,
          headers: headersOf(bucket),
          retryAfterSeconds: Math.ceil((midnight - now) / 1000),
        };
      }
      if (bucket.window.length >= limits.max) {
        const retryAfterMs = bucket.window[0]! + limits.intervalMs - now;
        return {
          allowed: false,
          headers: headersOf(bucket),
          retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)),
        };
      }
      bucket.window.push(now);
      bucket.usedToday += 1;
      return { allowed: true, headers: headersOf(bucket), retryAfterSeconds: 0 };
    },
    /** Spends `count` requests as if teammates had made them (control API). */
    consume(locationId: string, count: number) {
      const bucket = bucketOf(locationId);
      const now = clock.now();
      for (let i = 0; i < count; i += 1) bucket.window.push(now);
      bucket.usedToday += count;
    },
    /**
     * Leaves `count` of today's requests, as if teammates had spent the rest earlier in the day
     * (control API): the daily figure changes, the burst window is untouched.
     */
    leaveToday(locationId: string, count: number) {
      bucketOf(locationId).usedToday = Math.max(0, limits.dailyLimit - count);
    },
    /** Changes the limits (control API); current counts are kept. */
    configure(changes: Partial<SandboxRateLimits>) {
      Object.assign(limits, changes);
    },
    limits: (): SandboxRateLimits => ({ ...limits }),
  };
}

/** See {@link createRateBuckets}. */
export type RateBuckets = ReturnType<typeof createRateBuckets>;
