import type { LocationSpend } from '../ghl/location-spend';
import type { SyncSettings } from '../storage/sync-settings';
import { BUDGET_HEADROOM, dailyBudget, dailyLimitOf } from './daily-budget';

/**
 * The team's share (issue 17): every teammate's extension spends the same location's daily
 * quota, so a person's budget (daily-budget.ts) alone would let 20 teammates spend 200% of it.
 * Each extension learns the location's pace from GHL's daily figures (location-spend.ts) and,
 * while the whole location runs faster than the team's share (a setting, 50% of the daily limit
 * by default), cuts its own budget in proportion: to its own pace × share ÷ location's pace.
 * When every extension does that, the location settles at the share, and each keeps the part of
 * it its work took. Never below a floor, so a teammate who starts late still syncs. The pace
 * aimed at keeps the personal budget's margin (BUDGET_HEADROOM) under the share: aimed at the
 * share itself, a team of 20 settled there, and the first hours (first syncs, the 10 minutes of
 * figures the pace needs) and people's writes took the day 6.5% over it (BENCHMARKS).
 */

/** A person's budget is not cut below this share (%) of the location's daily limit by the team. */
export const TEAM_FLOOR_PERCENT = 2;

/** Why a person's budget is lower than their setting: the location's pace and the team's share. */
export interface TeamPace {
  /** Requests a day the whole location spends at the current pace. */
  locationPerDay: number;
  /** The pace the team's share allows, with its margin, in requests a day. */
  teamPerDay: number;
}

/** The budget a run plans with, and the team's pace when it was cut for the team. */
export interface SyncBudget {
  requestsPerDay: number;
  team?: TeamPace;
}

/**
 * This person's budget for the day: their setting's share of the location's daily limit, cut
 * for the team when the location spends faster than the team's share (see the module comment).
 */
export function syncBudget(
  settings: SyncSettings,
  locationDailyLimit: number | undefined,
  spend: LocationSpend | undefined,
): SyncBudget {
  const personal = dailyBudget(settings, locationDailyLimit);
  if (!spend || spend.locationPerDay <= 0) return { requestsPerDay: personal };
  const limit = dailyLimitOf(locationDailyLimit);
  const teamPerDay = ((limit * settings.teamBudgetPercent) / 100) * BUDGET_HEADROOM;
  const share = (spend.ownPerDay * teamPerDay) / spend.locationPerDay;
  const floor = Math.min(personal, (limit * TEAM_FLOOR_PERCENT) / 100);
  const paced = Math.max(floor, share);
  if (paced >= personal) return { requestsPerDay: personal };
  return { requestsPerDay: paced, team: { locationPerDay: spend.locationPerDay, teamPerDay } };
}
