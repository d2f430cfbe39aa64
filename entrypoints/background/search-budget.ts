import type { Clock } from '@/utils/clock';
import { GhlError } from '@/utils/ghl/ghl-error';

/**
 * How often one Trint tab may search GHL. The location's rate budget (100 requests per 10 s) is
 * shared by everyone on the team and by the sync: a page script driving the content script must
 * not spend it. A person typing searches once per pause, far below this.
 */

/** GHL searches a tab may make in a burst. */
export const TAB_SEARCHES = 10;
/** The time in which a tab's budget refills from empty. */
export const TAB_SEARCH_WINDOW_MS = 10_000;

/** See {@link createSearchBudget}. */
export interface SearchBudget {
  /** Spends one search of the tab's budget, or throws a 'rate-limited' error a person can read. */
  spend(tabId: number): void;
  /** Forgets a closed tab. */
  forget(tabId: number): void;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per tab, in memory: a service worker that stops only hands every tab a full
 * budget again, which is no more than a tab that waited.
 */
export function createSearchBudget(deps: {
  clock: Pick<Clock, 'now'>;
  searches?: number;
  windowMs?: number;
}): SearchBudget {
  const { clock, searches = TAB_SEARCHES, windowMs = TAB_SEARCH_WINDOW_MS } = deps;
  const perMs = searches / windowMs;
  const buckets = new Map<number, Bucket>();

  function refilled(tabId: number, now: number): Bucket {
    const bucket = buckets.get(tabId);
    if (!bucket) return { tokens: searches, at: now };
    return { tokens: Math.min(searches, bucket.tokens + (now - bucket.at) * perMs), at: now };
  }

  function take(tabId: number): boolean {
    const now = clock.now();
    const bucket = refilled(tabId, now);
    if (bucket.tokens < 1) {
      buckets.set(tabId, bucket);
      return false;
    }
    buckets.set(tabId, { tokens: bucket.tokens - 1, at: now });
    // Bounded even if a tab's close went unheard: a full bucket is the same as none.
    if (buckets.size > 50) {
      for (const [id] of buckets) if (refilled(id, now).tokens >= searches) buckets.delete(id);
    }
    return true;
  }

  return {
    spend(tabId) {
      if (take(tabId)) return;
      const waitMs = Math.ceil((1 - refilled(tabId, clock.now()).tokens) / perMs);
      throw new GhlError('rate-limited', 'contacts/search', {
        detail: 'Searching GHL too often from this tab; wait a few seconds.',
        retryAfterMs: waitMs,
      });
    },
    forget: (tabId) => void buckets.delete(tabId),
  };
}
