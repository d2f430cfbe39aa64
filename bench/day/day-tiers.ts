// The tiers of the simulated day (issue 17): of a person's N links, 1 is open in a tab, 20 were
// viewed today, 100 in the last 30 days and the rest are dormant. Each transcript's
// `lastViewedAt` is set in the cache so that the engine's own tiers (utils/sync/freshness-tiers)
// come out that way, and stays so for the whole day. Pure: the day benchmarks build on it.
import { DORMANT_AFTER_MS, RECENT_VIEW_MS } from '../../utils/sync/freshness-tiers';

/** How a person uses a transcript over the day. */
export type DayTier = 'open' | 'today' | 'month' | 'dormant';
export const DAY_TIERS: readonly DayTier[] = ['open', 'today', 'month', 'dormant'];

/** How many transcripts of each tier but the dormant one (the rest). */
export interface DayTierSizes {
  open: number;
  today: number;
  month: number;
}

/** Issue 17's mix. */
export const DAY_TIER_SIZES: DayTierSizes = { open: 1, today: 20, month: 100 };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A "today" transcript is viewed again once its last view is this old (the person opens it
 * again; checked every {@link REVIEW_CHECK_MS}), so it never leaves the engine's 24 h tier.
 */
export const REVIEW_AFTER_MS = 20 * HOUR_MS;
export const REVIEW_CHECK_MS = HOUR_MS;

/**
 * The tier of the i-th of n transcripts: the first `open`, the next `today`, then `month`, then
 * dormant. Sizes larger than n are cut, the open one first kept.
 */
export function dayTierOf(i: number, sizes: DayTierSizes = DAY_TIER_SIZES): DayTier {
  if (i < sizes.open) return 'open';
  if (i < sizes.open + sizes.today) return 'today';
  if (i < sizes.open + sizes.today + sizes.month) return 'month';
  return 'dormant';
}

/**
 * When the i-th transcript (of its tier) was last viewed, as stamped at `at` before the day:
 * open, just now; today, spread over the 12 hours before; last 30 days, spread over 2 to 20 days
 * before (still under 30 days after a day and a long first sync); dormant, 31 to 365 days before.
 */
export function viewedAtFor(tier: DayTier, i: number, at: number): number {
  if (tier === 'open') return at;
  if (tier === 'today') return at - ((i * 37) % 720) * 60_000;
  if (tier === 'month') return at - (2 * DAY_MS + ((i * 7919) % (18 * 24)) * HOUR_MS);
  return at - (31 * DAY_MS + ((i * 104_729) % 334) * DAY_MS);
}

/** Whether a "today" transcript last viewed at `viewedAt` is viewed again at `now`. */
export function needsReview(viewedAt: number, now: number): boolean {
  return now - viewedAt >= REVIEW_AFTER_MS;
}

/**
 * The engine's tier for a transcript not open in a tab, last viewed at `viewedAt` (the rules of
 * freshness-tiers.ts), to check that the stamps land where they should.
 */
export function engineTierOf(viewedAt: number, now: number): Exclude<DayTier, 'open'> {
  if (now - viewedAt <= RECENT_VIEW_MS) return 'today';
  if (now - viewedAt <= DORMANT_AFTER_MS) return 'month';
  return 'dormant';
}

/**
 * When the dormant transcripts are opened: `count` times spread evenly over the day (for four, at
 * 3 h, 9 h, 15 h and 21 h of a 24 h day), as offsets from the day's start.
 */
export function dormantOpenTimes(dayMs: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => Math.round(((k + 0.5) * dayMs) / count));
}
