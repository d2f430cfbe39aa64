import { GHL_RATE_LIMITS } from '../ghl/api-constants';
import type { SyncSettings } from '../storage/sync-settings';
import type { PartFlags } from '../transcripts/contact-parts';
import {
  bulkReadOff,
  SCOPE_CALENDARS_READ,
  SCOPE_EVENTS_READ,
  SCOPE_TASKS_SEARCH,
  type BulkFacts,
} from './bulk-scopes';
import type { FreshnessTier } from './freshness-tiers';

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
  /** Per due contact: its notes, and every part the bulk reads cannot answer. */
  perContact: number;
  /** Per run with anything due: the contact scan, the task search, a request per calendar. */
  perScan: number;
}

/** The costs with these parts switched on and what the bulk reads learnt of the location. */
export function syncCosts(parts: PartFlags, facts: BulkFacts, now: number): SyncCosts {
  const tasksBulk = parts.tasks && !bulkReadOff(facts, SCOPE_TASKS_SEARCH, now);
  const eventsBulk =
    parts.appointments &&
    !bulkReadOff(facts, SCOPE_CALENDARS_READ, now) &&
    !bulkReadOff(facts, SCOPE_EVENTS_READ, now);
  const calendars = Math.max(1, facts.calendars?.ids.length ?? 1);
  return {
    perContact:
      Number(parts.notes) +
      Number(parts.tasks && !tasksBulk) +
      Number(parts.appointments && !eventsBulk),
    perScan: Number(parts.contactDetails) + Number(tasksBulk) + (eventsBulk ? calendars : 0),
  };
}

/** The requests a day the budget allows: the share of the location's daily limit. */
export function dailyBudget(settings: SyncSettings, locationDailyLimit?: number): number {
  const limit =
    locationDailyLimit && locationDailyLimit > 0 ? locationDailyLimit : GHL_RATE_LIMITS.dailyMax;
  return (limit * settings.dailyBudgetPercent) / 100;
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

const LOWER_TIERS = ['recent', 'other', 'dormant'] as const;

/**
 * A day of these tiers, projected: what the open tab costs (its contacts and, while a tab is
 * open, a bulk read every open-tab period) and what the lower tiers cost.
 */
export function projectDay(counts: TierCounts, settings: SyncSettings, costs: SyncCosts) {
  const age = tierAges(settings);
  const syncs = (tier: keyof TierCounts) => (counts[tier] * DAY_MS) / age[tier];
  const open =
    costs.perContact * syncs('open') + (counts.open > 0 ? (costs.perScan * DAY_MS) / age.open : 0);
  const lowerAges = LOWER_TIERS.filter((t) => counts[t] > 0).map((t) => age[t]);
  const lowerScans =
    counts.open === 0 && lowerAges.length > 0
      ? (costs.perScan * DAY_MS) / Math.min(...lowerAges)
      : 0;
  const lower = costs.perContact * LOWER_TIERS.reduce((sum, t) => sum + syncs(t), 0) + lowerScans;
  return { open, lower, total: open + lower };
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

/** Fits the tiers into `requestsPerDay`; see the module comment. */
export function fitToBudget(
  settings: SyncSettings,
  counts: TierCounts,
  costs: SyncCosts,
  requestsPerDay: number,
): FittedSettings {
  const day = projectDay(counts, settings, costs);
  const budget = requestsPerDay * BUDGET_HEADROOM;
  if (day.total <= budget || day.total === 0) {
    return { settings, stretch: 1, openStretch: 1, projected: day.total };
  }
  const [stretch, openStretch] =
    day.open < budget
      ? [day.lower / (budget - day.open), 1]
      : [day.total / budget, day.total / budget];
  const fitted: SyncSettings = {
    ...settings,
    openTabSeconds: settings.openTabSeconds * openStretch,
    recentMinutes: settings.recentMinutes * stretch,
    otherMinutes: settings.otherMinutes * stretch,
    dormantHours: settings.dormantHours * stretch,
  };
  return {
    settings: fitted,
    stretch,
    openStretch,
    projected: projectDay(counts, fitted, costs).total,
  };
}
