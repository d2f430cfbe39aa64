import type { GhlError } from './ghl-error';

/** Bounds of the retry loop: attempts in all, and the exponential delay's base and cap. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest Retry-After worth waiting for in place. GHL's burst window is 10 s, so its 429s
   * ask for up to that; a longer one (a spent daily budget) is the caller's to schedule.
   */
  maxRetryAfterMs?: number;
}

/** Four tries over about 7 s at most: enough for a blip, short enough for a person waiting. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/**
 * "Full jitter" backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"): a uniform random
 * delay in [0, min(cap, base * 2^attempt)], so clients that failed together do not retry together.
 * `attempt` counts from 0 for the first retry.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/** Failures that another try may fix. */
const TRANSIENT = new Set<GhlError['kind']>(['rate-limited', 'server', 'network', 'timeout']);

/**
 * Whether a failed request may be sent again. Reads and idempotent writes (PUT, DELETE) retry any
 * transient failure. A create (POST) retries only when GHL cannot have applied it: a 429 or a
 * connection that was never made. Anything else could have created the record already.
 */
export function mayRetry(error: GhlError, idempotent: boolean, requestNotSent: boolean): boolean {
  if (!TRANSIENT.has(error.kind)) return false;
  if (idempotent) return true;
  return error.kind === 'rate-limited' || (error.kind === 'network' && requestNotSent);
}

/** Error codes (Node's undici) that mean the request never reached the server. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether a fetch failure proves the request never left: connection refused or no such host.
 * Browsers hide the reason behind "Failed to fetch", so there the answer is always "unknown".
 */
export function isRequestNotSent(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
