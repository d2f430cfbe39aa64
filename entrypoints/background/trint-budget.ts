import type { Clock } from '@/utils/clock';
import type { StoredItem } from '@/utils/storage/stored-item';
import { MessageRefused } from './message-router';

/**
 * One budget per GHL location for everything Trint pages can make the background do, shared by
 * every Trint tab (a new tab does not bring a new one) and kept in storage.session (a stopped
 * worker does not refill it). A page script driving the content script could otherwise spend
 * the location's GHL rate limit, shared by the whole team and the sync, or read the cache
 * through searches. A person works far below it: the e2e suites of the panel never reach it.
 */
export const TRINT_BUDGET = {
  /** Units in a full budget: what pages may spend in a burst. */
  units: 60,
  /** Units given back per second (a full budget in a minute). */
  refillPerSecond: 1,
} as const;

/** What each thing a Trint tab can cause costs, in units. */
export const TRINT_COSTS = {
  /** A search GHL answers (the panel's search after a pause, a suggestion's name). */
  'ghl-search': 1,
  /** A search of the cache (every keystroke): costs GHL nothing, but lists cached contacts. */
  'cache-search': 0.25,
  /** A contact read from GHL when a panel opens or links. */
  refresh: 1,
  /** "Others at this business", read from GHL. */
  business: 1,
  /** A write queued for GHL. */
  write: 1,
} as const;
export type TrintCost = keyof typeof TRINT_COSTS;

type Buckets = Record<string, { units: number; at: number }>;

/** See {@link createTrintBudget}. */
export interface TrintBudget {
  /** Spends `cost` from the location's budget, or throws what a person reads in the panel. */
  spend(locationId: string, cost: TrintCost): Promise<void>;
  /** Spends `cost` if the budget allows; false (nothing spent) if not, for work that can wait. */
  trySpend(locationId: string, cost: TrintCost): Promise<boolean>;
}

/** Why a Trint tab was refused: in the panel, and GHL was not asked. */
export function budgetRefusal(waitSeconds: number): MessageRefused {
  return new MessageRefused(
    `Too many requests from Trint pages; try again in ${Math.max(1, waitSeconds)} s.`,
  );
}

/** A token bucket per location, read from and written back to `storage` at each spend. */
export function createTrintBudget(deps: {
  clock: Pick<Clock, 'now'>;
  storage: Pick<StoredItem<Buckets>, 'read' | 'write'>;
  budget?: { units: number; refillPerSecond: number };
}): TrintBudget {
  const { clock, storage } = deps;
  const { units: full, refillPerSecond } = deps.budget ?? TRINT_BUDGET;
  // Spends run one after another: two at once would both read the same units.
  let queue: Promise<unknown> = Promise.resolve();

  async function take(locationId: string, cost: TrintCost): Promise<number> {
    const now = clock.now();
    const buckets = await storage.read();
    const stored = buckets[locationId];
    const units = stored
      ? Math.min(full, stored.units + (Math.max(0, now - stored.at) / 1000) * refillPerSecond)
      : full;
    const price = TRINT_COSTS[cost];
    if (units < price) return Math.ceil((price - units) / refillPerSecond);
    await storage.write({ ...buckets, [locationId]: { units: units - price, at: now } });
    return 0;
  }

  function serial(locationId: string, cost: TrintCost): Promise<number> {
    const next = queue.then(() => take(locationId, cost));
    queue = next.catch(() => {});
    return next;
  }

  return {
    async spend(locationId, cost) {
      const wait = await serial(locationId, cost);
      if (wait > 0) throw budgetRefusal(wait);
    },
    async trySpend(locationId, cost) {
      return (await serial(locationId, cost)) === 0;
    },
  };
}
