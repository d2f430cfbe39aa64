import type { Clock } from '@/utils/clock';
import type { StoredItem } from '@/utils/storage/stored-item';
import { MessageRefused } from './message-router';
import { createWriteBehind } from './write-behind';

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

/**
 * A token bucket per location. The buckets are read from `storage` at the first spend after the
 * worker starts and held in memory from then on: only this budget writes them, and a keystroke of
 * the panel's search spends from it, so a storage read per spend (and the wait for each write)
 * was a large part of answering one (issue 17, BENCHMARKS.md "Local contact search"). What was
 * spent is still written to `storage`, right after the spend's task (write-behind.ts): a worker
 * stopped in the moment before a write lands gives pages back at most those units.
 */
export function createTrintBudget(deps: {
  clock: Pick<Clock, 'now'>;
  storage: Pick<StoredItem<Buckets>, 'read' | 'write'>;
  budget?: { units: number; refillPerSecond: number };
}): TrintBudget {
  const { clock, storage } = deps;
  const { units: full, refillPerSecond } = deps.budget ?? TRINT_BUDGET;
  let held: Promise<Buckets> | undefined;
  const writes = createWriteBehind();

  function buckets(): Promise<Buckets> {
    if (!held) {
      const reading = storage.read();
      // A failed read is tried again at the next spend, not remembered.
      reading.catch(() => {
        if (held === reading) held = undefined;
      });
      held = reading;
    }
    return held;
  }

  async function take(locationId: string, cost: TrintCost): Promise<number> {
    const all = await buckets();
    // From here on nothing awaits: two spends at once cannot both count the same units.
    const now = clock.now();
    const stored = all[locationId];
    const units = stored
      ? Math.min(full, stored.units + (Math.max(0, now - stored.at) / 1000) * refillPerSecond)
      : full;
    const price = TRINT_COSTS[cost];
    if (units < price) return Math.ceil((price - units) / refillPerSecond);
    all[locationId] = { units: units - price, at: now };
    writes.queue('buckets', () => storage.write({ ...all }));
    return 0;
  }

  return {
    async spend(locationId, cost) {
      const wait = await take(locationId, cost);
      if (wait > 0) throw budgetRefusal(wait);
    },
    async trySpend(locationId, cost) {
      return (await take(locationId, cost)) === 0;
    },
  };
}
