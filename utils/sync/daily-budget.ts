import { GHL_RATE_LIMITS, SCOPE_CONTACTS_READ } from '../ghl/api-constants';
import type { SyncSettings } from '../storage/sync-settings';
import { requestCount, type PartFlags } from '../transcripts/contact-parts';
import {
  bulkReadOff,
  SCOPE_CALENDARS_READ,
  SCOPE_EVENTS_READ,
  SCOPE_TASKS_SEARCH,
  type BulkFacts,
} from './bulk-scopes';
import type { FreshnessTier } from './freshness-tiers';
import { stretchTiers } from './quota-stretch';

/**
 * The daily budget (issue 17): background sync may spend a share of the location's daily GHL
 * limit per person (a setting, 10% by default: 20,000 of GHL's 200,000). The plan projects what
 * a day of its tiers costs and, when that is over the budget, stretches the tiers until it fits:
 * the tiers below "open" first, the open tab's only when it alone is over. With room to spare the
 * tiers keep their settings: a spare budget is not spent for its own sake.
 */

const DAY_MS = 24 * 60 * 60_000;
/** Runs come every 30 s (the sync alarm): nothing is synced more often. */
const MIN_AGE_MS = 30_000;
/**
 * The share of the budget the projection may fill: what it does not count (the reads of
 * contacts a scan found changed, extra task pages, Retry) comes out of the rest.
 */
export const BUDGET_HEADROOM = 0.9;

/** What one contact's sync and one run's bulk reads cost, in requests. */
export interface SyncCosts {
  /** Per due contact in a run with others: its notes, and every part bulk reads cannot answer. */
  perContact: number;
  /** Per run with several due: the contact scan, the task search, a request per calendar. */
  perScan: number;
  /** A contact due alone in its run: read as before, a request per part (see bulk-reads). */
  alone: number;
}

/** The costs with these parts switched on and what the bulk reads learnt of the location. */
export function syncCosts(parts: PartFlags, facts: BulkFacts, now: number): SyncCosts {
  const contactsBulk = parts.contactDetails && !bulkReadOff(facts, SCOPE_CONTACTS_READ, now);
  const tasksBulk = parts.tasks && !bulkReadOff(facts, SCOPE_TASKS_SEARCH, now);
  const eventsBulk =
    parts.appointments &&
    !bulkReadOff(facts, SCOPE_CALENDARS_READ, now) &&
    !bulkReadOff(facts, SCOPE_EVENTS_READ, now);
  const calendars = Math.max(1, facts.calendars?.ids.length ?? 1);
  return {
    perContact:
      Number(parts.notes) +
      Number(parts.contactDetails && !contactsBulk) +
      Number(parts.tasks && !tasksBulk) +
      Number(parts.appointments && !eventsBulk),
    perScan: Number(contactsBulk) + Number(tasksBulk) + (eventsBulk ? calendars : 0),
    alone: requestCount(parts),
  };
}

/** The location's daily limit as GHL reported it, else GHL's published one. */
export function dailyLimitOf(locationDailyLimit?: number): number {
  return locationDailyLimit && locationDailyLimit > 0
    ? locationDailyLimit
    : GHL_RATE_LIMITS.dailyMax;
}

/** The requests a day the budget allows: the share of the location's daily limit. */
export function dailyBudget(settings: SyncSettings, locationDailyLimit?: number): number {
  return (dailyLimitOf(locationDailyLimit) * settings.dailyBudgetPercent) / 100;
}

/** Linked contacts per tier. */
export type TierCounts = Record<FreshnessTier, number>;

/** How long a contact of each tier may wait, in ms, with these settings. */
function tierAges(settings: SyncSettings): Record<FreshnessTier, number> {
  return {
    open: Math.max(MIN_AGE_MS, settings.openTabSeconds * 1000),
    recent: Math.max(MIN_AGE_MS, settings.recentMinutes * 60_000),
    other: Math.max(MIN_AGE_MS, settings.otherMinutes * 60_000),
    dormant: Math.max(MIN_AGE_MS, settings.dormantHours * 60 * 60_000),
  };
}

const TIERS = ['open', 'recent', 'other', 'dormant'] as const;
const LOWER_TIERS = ['recent', 'other', 'dormant'] as const;

/**
 * A day of these tiers, projected. While a tab is open a run comes every 30 s with the open
 * contact. Most runs carry it alone, read a request per part (`alone`; several open tabs are read
 * in bulk); the lower tiers add runs with others, read in bulk (`perScan` and each contact's
 * notes). A tier's contacts fall due together (synced together at first, then at the same pace),
 * so each tier adds about one such run per period, not one per contact: pricing every run as a
 * bulk run overcharged the open tab a request every 30 s, and the budget stretched the lower
 * tiers 2.5x while a day came in at 15,077 of 20,000 (BENCHMARKS, sync day). Without an open tab,
 * runs come as contacts fall due, and when they come with fewer than two contacts each, each is
 * read on its own.
 */
export function projectDay(counts: TierCounts, settings: SyncSettings, costs: SyncCosts) {
  const age = tierAges(settings);
  const syncsOf = (tier: FreshnessTier) => (counts[tier] * DAY_MS) / age[tier];
  const syncs = TIERS.reduce((sum, t) => sum + syncsOf(t), 0);
  if (syncs === 0) return { runs: 0, syncs: 0, total: 0 };
  if (counts.open > 0) {
    const runs = DAY_MS / age.open;
    const lower = LOWER_TIERS.filter((t) => counts[t] > 0);
    const withOthers = Math.min(
      runs,
      lower.reduce((sum, t) => sum + DAY_MS / age[t], 0),
    );
    const bulkRun = costs.perScan + counts.open * costs.perContact;
    const openRun = counts.open === 1 ? costs.alone : bulkRun;
    const lowerSyncs = lower.reduce((sum, t) => sum + syncsOf(t), 0);
    const total =
      (runs - withOthers) * openRun + withOthers * bulkRun + lowerSyncs * costs.perContact;
    return { runs, syncs, total };
  }
  const runs = Math.min(DAY_MS / MIN_AGE_MS, syncs);
  const alone = syncs / runs < 2;
  const total = alone ? costs.alone * syncs : costs.perContact * syncs + costs.perScan * runs;
  return { runs, syncs, total };
}

/** The settings that fit the budget, and how many times slower the lower tiers (and open) got. */
export interface FittedSettings {
  settings: SyncSettings;
  /** 1 when the settings fit as they are. */
  stretch: number;
  openStretch: number;
  /** The projected requests a day with the fitted settings. */
  projected: number;
}

/**
 * The smallest stretch (found by halving, the cost falling as the stretch grows) at which a day
 * costs at most `budget`.
 */
function leastStretch(cost: (stretch: number) => number, budget: number): number {
  let [low, high] = [1, 2];
  while (cost(high) > budget && high < 1e6) [low, high] = [high, high * 2];
  for (let i = 0; i < 40; i++) {
    const mid = (low + high) / 2;
    if (cost(mid) > budget) low = mid;
    else high = mid;
  }
  return high;
}

/** Fits the tiers into `requestsPerDay`; see the module comment. */
export function fitToBudget(
  settings: SyncSettings,
  counts: TierCounts,
  costs: SyncCosts,
  requestsPerDay: number,
): FittedSettings {
  const budget = requestsPerDay * BUDGET_HEADROOM;
  const cost = (stretch: number, open = 1) =>
    projectDay(counts, stretchTiers(settings, stretch, open), costs).total;
  const total = cost(1);
  if (total <= budget) return { settings, stretch: 1, openStretch: 1, projected: total };
  // The lower tiers first; the open tab too only when its own runs are over the budget.
  const lowerOnly = cost(1e6);
  const [stretch, openStretch] =
    lowerOnly <= budget
      ? [leastStretch((s) => cost(s), budget), 1]
      : ((s) => [s, s])(leastStretch((s) => cost(s, s), budget));
  return {
    settings: stretchTiers(settings, stretch, openStretch),
    stretch,
    openStretch,
    projected: cost(stretch, openStretch),
  };
}
