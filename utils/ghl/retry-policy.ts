import type { GhlError } from './ghl-error';

/**
 * Every retry in the extension, in one place, with who owns each (issue 16):
 *
 * - {@link GHL_CALL}: the GHL client's own retries, in place, for the sync's reads and other
 *   direct calls: only what is safe to repeat ({@link mayRetry}: reads, PUT and DELETE, and a
 *   POST GHL provably did not get).
 * - {@link OUTBOX_CALL}: the outbox's calls. The client repeats only what GHL provably refused
 *   or never got (a 429, a connection never made); the outbox owns retrying a write, with
 *   {@link OUTBOX_WRITE}.
 * - {@link OUTBOX_WRITE}: the outbox's attempts at one write, spaced over minutes.
 * - {@link SYNC_CONTACT}: when a contact whose sync failed is tried again (utils/sync/sync-failures).
 *
 * The most GHL requests one write can cause over its whole life: {@link OUTBOX_WRITE}.maxAttempts
 * (10) attempts that end in a server error, a timeout or an unknown outcome, each sending the
 * write once (OUTBOX_CALL never repeats a request GHL may have acted on): 10 requests for an
 * edit or a delete. A create whose answer was lost first looks for its record before it is sent
 * again: at most 10 POSTs and 9 look-ups. A tag write reads the contact once, after it is
 * applied; a 401 answered by a token refresh sends the request once more. What GHL refused or
 * never got (a 429, the network down) and a connection that needs the person do not use up
 * attempts: they wait as long as GHL or the person needs, and the person can Discard the write
 * meanwhile. Before issue 16 the client also retried each attempt itself, up to four tries: 40
 * requests for an edit. utils/outbox/__tests__/outbox-request-budget.test.ts counts them.
 */

/** Bounds of a retry loop: attempts in all, the exponential delay's base and cap, its jitter. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * The longest Retry-After worth waiting for in place. GHL's burst window is 10 s, so its 429s
   * ask for up to that; a longer one (a spent daily budget) is the caller's to schedule.
   */
  maxRetryAfterMs?: number;
  /**
   * How the delay is drawn below its ceiling (AWS Architecture Blog, "Exponential Backoff And
   * Jitter"): 'full', uniform in [0, ceiling) (the default); 'equal', half fixed, half random, so
   * writes that failed together spread out but never retry at once; 'none', the ceiling itself.
   */
  jitter?: 'full' | 'equal' | 'none';
  /**
   * What the client may send again in place: 'safe' (the default) is every transient failure of
   * a read, PUT or DELETE, and a POST GHL provably did not get; 'refused' is only what GHL
   * provably did not act on (a 429, a connection never made), whatever the method.
   */
  repeats?: 'safe' | 'refused';
}

/** The client's retries: four tries over about 7 s at most, enough for a blip, short enough for a person waiting. */
export const GHL_CALL: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** The client's default policy ({@link GHL_CALL}). */
export const DEFAULT_RETRY_POLICY = GHL_CALL;

/**
 * The outbox's calls: the client repeats in place only a request GHL provably did not act on (a
 * 429, a connection never made); anything that may have reached GHL goes back to the outbox,
 * which owns retrying the write.
 */
export const OUTBOX_CALL: RetryPolicy = { ...GHL_CALL, repeats: 'refused' };

/** How the outbox spaces attempts at one write: from 2 s, doubling, up to 10 minutes apart. */
export const OUTBOX_WRITE = {
  /** Attempts that end in a server error, a timeout or an unknown outcome before giving up. */
  maxAttempts: 10,
  /** The first wait; it doubles with each attempt. */
  baseDelayMs: 2_000,
  /** The longest wait between two attempts. */
  maxDelayMs: 10 * 60_000,
  jitter: 'equal',
} as const satisfies RetryPolicy;

/**
 * When a contact whose sync failed on its own is tried again: a minute, doubling with each
 * failure; the sync caps it at its tier's age.
 */
export const SYNC_CONTACT = {
  maxAttempts: Number.POSITIVE_INFINITY,
  baseDelayMs: 60_000,
  maxDelayMs: Number.POSITIVE_INFINITY,
  jitter: 'none',
} as const satisfies RetryPolicy;

/**
 * The wait before retry `attempt` (counting from 0 for the first retry): exponential from the
 * policy's base, capped, drawn as its jitter says. The one backoff formula of the extension.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  switch (policy.jitter ?? 'full') {
    case 'full':
      return Math.floor(random() * ceiling);
    case 'equal':
      return Math.round(ceiling / 2 + (random() * ceiling) / 2);
    case 'none':
      return ceiling;
  }
}

/** Failures that another try may fix. */
const TRANSIENT = new Set<GhlError['kind']>(['rate-limited', 'server', 'network', 'timeout']);

/**
 * Whether a failed request may be sent again. Reads and idempotent writes (PUT, DELETE) retry any
 * transient failure. A create (POST) retries only when GHL cannot have applied it: a 429 or a
 * connection that was never made. Anything else could have created the record already. A caller
 * that owns retrying (`repeats: 'refused'`, the outbox) has every request treated like a create.
 */
export function mayRetry(
  error: GhlError,
  idempotent: boolean,
  requestNotSent: boolean,
  repeats: RetryPolicy['repeats'] = 'safe',
): boolean {
  if (!TRANSIENT.has(error.kind)) return false;
  if (repeats === 'refused') idempotent = false;
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
