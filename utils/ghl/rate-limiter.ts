import type { Clock } from '../clock';
import { GHL_RATE_LIMITS } from './api-constants';
import {
  createCircuitBreaker,
  type CallOutcome,
  type CircuitBreakerOptions,
} from './circuit-breaker';
import {
  QUOTA_FIGURE_TTL_MS,
  QUOTA_PAUSE_BELOW,
  QUOTA_PAUSED_MESSAGE,
  type DailyQuota,
} from './daily-quota';
import { GhlError } from './ghl-error';
import { createSpendTracker, type LocationSpend } from './location-spend';
import type { RateLimitReport } from './rate-limit-headers';

/** Who is waiting: a person's action goes before background sync. */
export type RequestPriority = 'user' | 'background';

/** Permission to send one request; call `done` with what the answer reported. */
export interface RateLimitLease {
  /**
   * Record the answer: its rate-limit headers, Retry-After (ms) for a 429, and whether GHL
   * answered at all (the circuit breaker's input; left out when nothing was sent).
   */
  done(report?: RateLimitReport, rateLimitedForMs?: number, outcome?: CallOutcome): void;
}

/** Tuning of {@link createRateLimiter}; the defaults follow GHL's published limits. */
export interface RateLimiterOptions {
  clock: Clock;
  /** Requests per burst window (replaced by X-RateLimit-Max once GHL reports it). */
  max?: number;
  intervalMs?: number;
  /** Requests kept free in the shared window: user actions stop at `user`, sync at `background`. */
  reserve?: Record<RequestPriority, number>;
  /** Share of the burst window this extension's background sync may spend on its own. */
  backgroundShare?: number;
  /**
   * Daily requests kept for people: background sync stops this far before the daily cap, or
   * at QUOTA_PAUSE_BELOW of the location's daily limit, whichever is more.
   */
  dailyReserveForUser?: number;
  /** Requests sent but not answered yet; bounds how far a guess about the shared bucket can be off. */
  maxInFlight?: number;
  /** A pause longer than this (a long Retry-After) refuses calls instead of queueing them. */
  maxQueueWaitMs?: number;
  /**
   * Below this many spare requests (over the reserve) left by teammates, spread the rest over
   * the window.
   */
  slowBelow?: number;
  /** The retry budget during outages: see circuit-breaker.ts. */
  circuit?: CircuitBreakerOptions;
}

interface Waiter {
  priority: RequestPriority;
  resolve(lease: RateLimitLease): void;
  reject(reason: unknown): void;
}

/** The last report of the burst window from GHL, and what this limiter sent since. */
interface Observation {
  at: number;
  remaining: number;
  /** Requests of ours GHL may not have counted yet when it reported `remaining`. */
  uncounted: number;
  /** When our requests inside GHL's window at that moment were sent: each frees a slot as it ages out. */
  ownSends: number[];
}

/** The last daily figure from GHL, and requests sent since. */
interface DailyObservation {
  at: number;
  remaining: number;
  /** X-RateLimit-Limit-Daily, when GHL sent it. */
  limit?: number;
  sentSince: number;
}

/**
 * Paces the requests of one GHL location. The bucket is shared with every teammate's extension,
 * so besides never sending more than `max` in any window of its own, it trusts what GHL reports
 * (X-RateLimit-Remaining and friends), slows down well before zero, stops for Retry-After, and
 * lets user actions overtake background sync.
 */
export function createRateLimiter(options: RateLimiterOptions) {
  const { clock } = options;
  let max = options.max ?? GHL_RATE_LIMITS.burstMax;
  let intervalMs = options.intervalMs ?? GHL_RATE_LIMITS.burstIntervalMs;
  const reserve = options.reserve ?? { user: 5, background: Math.floor(max / 2) };
  let backgroundShare = options.backgroundShare ?? 0.5;
  const dailyReserveForUser = options.dailyReserveForUser ?? 5_000;
  const maxInFlight = options.maxInFlight ?? 6;
  const slowBelow = options.slowBelow ?? 30;
  const maxQueueWaitMs = options.maxQueueWaitMs ?? 60_000;

  const queues: Record<RequestPriority, Waiter[]> = { user: [], background: [] };
  const sent: { at: number; priority: RequestPriority }[] = [];
  let inFlight = 0;
  let lastSentAt = -Infinity;
  let blockedUntil = 0;
  let observation: Observation | undefined;
  let daily: DailyObservation | undefined;
  /** Every request this limiter let through, for the team's pace (location-spend.ts). */
  let sentTotal = 0;
  const spend = createSpendTracker();
  let wake: AbortController | undefined;
  const circuit = createCircuitBreaker(options.circuit);

  /** Daily requests background sync leaves alone: the reserve, or the pause share of the limit. */
  function backgroundDailyFloor(observed: DailyObservation): number {
    const share = observed.limit ? Math.ceil(observed.limit * QUOTA_PAUSE_BELOW) : 0;
    return Math.max(dailyReserveForUser, share);
  }

  function forgetOldSends(now: number) {
    while (sent.length > 0 && sent[0]!.at <= now - intervalMs) sent.shift();
  }

  /**
   * Our best guess of what is left of the shared window, or undefined once the report is stale.
   * Our own requests that have aged out of the window since the report are counted as free
   * again; teammates' are not, as we cannot see them.
   */
  function estimatedRemaining(now: number): number | undefined {
    if (!observation || now >= observation.at + intervalMs) return undefined;
    const freed = observation.ownSends.filter((at) => at <= now - intervalMs).length;
    return observation.remaining - observation.uncounted + freed;
  }

  /**
   * How long the next request of `priority` must wait: 0 to go now, a number of ms, or
   * 'answer' to wait for an answer in flight. Throws when the daily budget is spent.
   */
  function waitFor(priority: RequestPriority, now: number): number | 'answer' {
    if (now < blockedUntil) {
      if (blockedUntil - now <= maxQueueWaitMs) return blockedUntil - now;
      throw new GhlError('rate-limited', 'rate limiter', { retryAfterMs: blockedUntil - now });
    }
    if (daily && now - daily.at < QUOTA_FIGURE_TTL_MS) {
      const floor = priority === 'user' ? 0 : backgroundDailyFloor(daily);
      if (daily.remaining - daily.sentSince <= floor) {
        throw new GhlError('rate-limited', 'rate limiter', {
          detail:
            priority === 'user'
              ? 'The GHL daily request limit for this location is used up.'
              : QUOTA_PAUSED_MESSAGE,
          retryAfterMs: daily.at + QUOTA_FIGURE_TTL_MS - now,
          quotaPaused: priority !== 'user',
        });
      }
    }
    forgetOldSends(now);
    if (sent.length >= max) return sent[0]!.at + intervalMs - now;
    if (priority === 'background') {
      const ownBackground = sent.filter((s) => s.priority === 'background');
      if (ownBackground.length >= Math.floor(max * backgroundShare)) {
        return ownBackground[0]!.at + intervalMs - now;
      }
    }
    if (inFlight >= maxInFlight) return 'answer';
    const estimate = estimatedRemaining(now);
    if (estimate === undefined) return 0;
    const spare = estimate - reserve[priority];
    const windowEnd = observation!.at + intervalMs;
    if (spare <= 0) {
      if (inFlight > 0) return 'answer';
      // A slot frees when our oldest request GHL counted ages out of its window (teammates' we
      // cannot see: at worst, the window's end). Waiting for the end held background sync, one
      // request at a time with 100 ms answers, to 50 per 20 s instead of 50 per 10 s.
      const nextFreed = observation!.ownSends.find((at) => at > now - intervalMs);
      return (nextFreed === undefined ? windowEnd : nextFreed + intervalMs) - now;
    }
    // For background sync, this extension's own requests in the window free their slots as they
    // age out, and its share caps them above: only what others spent calls for spreading it. Counting its own too
    // held one extension alone to half its share (300 requests took 113 s instead of about 60).
    // People's actions have no share: theirs still count, so two bursts slow before a 429.
    const ours = priority === 'background' ? sent.length : 0;
    if (spare + ours >= slowBelow) return 0;
    // Spread what is left over the rest of the window instead of spending it all at once.
    const gap = (windowEnd - now) / spare;
    return Math.max(0, lastSentAt + gap - now);
  }

  function pump() {
    wake?.abort();
    wake = undefined;
    for (;;) {
      const priority: RequestPriority | undefined =
        queues.user.length > 0 ? 'user' : queues.background.length > 0 ? 'background' : undefined;
      if (!priority) return;
      const now = clock.now();
      let wait: number | 'answer';
      try {
        wait = waitFor(priority, now);
      } catch (error) {
        queues[priority].shift()!.reject(error);
        continue;
      }
      if (wait === 'answer') return; // `done` pumps again.
      if (wait > 0) return sleepThenPump(wait);
      // Last, as a probe verdict commits to sending: during an outage one request at a time.
      const verdict = circuit.verdict(now);
      if (!verdict.go) {
        if (verdict.waitMs === 'probe') return; // The probe's `done` pumps again.
        return sleepThenPump(verdict.waitMs);
      }
      const waiter = queues[priority].shift()!;
      waiter.resolve(grant(priority, now, verdict.probe));
    }
  }

  function sleepThenPump(ms: number) {
    const controller = new AbortController();
    wake = controller;
    clock.sleep(ms, controller.signal).then(pump, () => {});
  }

  function grant(priority: RequestPriority, now: number, probe: boolean): RateLimitLease {
    sent.push({ at: now, priority });
    sentTotal += 1;
    lastSentAt = now;
    inFlight += 1;
    if (observation) observation.uncounted += 1;
    if (daily) daily.sentSince += 1;
    let finished = false;
    return {
      done(report, rateLimitedForMs, outcome) {
        if (finished) return;
        finished = true;
        inFlight -= 1;
        if (outcome) circuit.record(outcome, clock.now(), probe);
        else if (probe) circuit.abandonProbe();
        observe(report, rateLimitedForMs);
        pump();
      },
    };
  }

  function observe(report: RateLimitReport | undefined, rateLimitedForMs: number | undefined) {
    const now = clock.now();
    if (rateLimitedForMs !== undefined) {
      blockedUntil = Math.max(blockedUntil, now + Math.max(rateLimitedForMs, 100));
    }
    if (!report) return;
    if (report.max) max = report.max;
    if (report.intervalMs) intervalMs = report.intervalMs;
    if (report.remaining !== undefined) {
      observation = {
        at: now,
        remaining: report.remaining,
        // Answers still in flight were sent before this report and may not be in it yet.
        uncounted: inFlight,
        ownSends: sent.filter((s) => s.at > now - intervalMs).map((s) => s.at),
      };
    }
    if (report.dailyRemaining !== undefined) {
      daily = {
        at: now,
        remaining: report.dailyRemaining,
        limit: report.dailyMax ?? daily?.limit,
        sentSince: inFlight,
      };
      // Answers still in flight may not be in the figure yet.
      spend.record(now, report.dailyRemaining, sentTotal - inFlight);
    }
  }

  return {
    /** Waits until a request of `priority` may be sent; rejects if `signal` aborts first. */
    acquire(priority: RequestPriority, signal?: AbortSignal): Promise<RateLimitLease> {
      return new Promise<RateLimitLease>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = () => {
          const queue = queues[priority];
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          reject(signal?.reason);
        };
        // The listener goes as soon as the wait ends, so a long-lived signal collects none.
        const waiter: Waiter = {
          priority,
          resolve: (lease) => {
            signal?.removeEventListener('abort', onAbort);
            resolve(lease);
          },
          reject: (reason) => {
            signal?.removeEventListener('abort', onAbort);
            reject(reason);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queues[priority].push(waiter);
        pump();
      });
    },
    /**
     * Changes the share of the burst window background sync may spend (the person's sync
     * setting), from the next request on. Values outside 0..1 are clamped.
     */
    setBackgroundShare(share: number) {
      backgroundShare = Math.min(1, Math.max(0, share));
      pump();
    },
    /**
     * The location's daily quota as GHL last reported it, less what was sent since; undefined
     * until an answer carried both daily headers.
     */
    dailyQuota(): DailyQuota | undefined {
      if (!daily?.limit) return undefined;
      return {
        limit: daily.limit,
        remaining: Math.max(0, daily.remaining - daily.sentSince),
        at: daily.at,
      };
    },
    /**
     * How fast the whole location spends its daily quota and how much of it is ours, over the
     * last hour of GHL's daily figures; undefined until they cover enough of it.
     */
    locationSpend(): LocationSpend | undefined {
      return spend.spend(clock.now());
    },
    /** Requests waiting, per priority (for the sync status and tests). */
    pending(): Record<RequestPriority, number> {
      return { user: queues.user.length, background: queues.background.length };
    },
  };
}

/** A location's request pacer; see {@link createRateLimiter}. */
export type RateLimiter = ReturnType<typeof createRateLimiter>;
