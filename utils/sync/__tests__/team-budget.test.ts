import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SETTINGS } from '../../storage/sync-settings';
import { BUDGET_HEADROOM } from '../daily-budget';
import { syncBudget, TEAM_FLOOR_PERCENT } from '../team-budget';

const LIMIT = 200_000;
/** The pace the default 50% share aims at: its margin under 100,000. */
const TEAM_PACE = 100_000 * BUDGET_HEADROOM;
const HOUR = 3_600_000;
const pace = (locationPerDay: number, ownPerDay: number) => ({
  locationPerDay,
  ownPerDay,
  windowMs: HOUR,
});

describe('team budget: the team’s share of the location’s daily limit', () => {
  it('is the person’s budget while the pace is unknown or the location is under the share', () => {
    expect(syncBudget(DEFAULT_SYNC_SETTINGS, LIMIT, undefined)).toEqual({ requestsPerDay: 20_000 });
    // Alone on the location, spending their whole budget.
    expect(syncBudget(DEFAULT_SYNC_SETTINGS, LIMIT, pace(20_000, 20_000))).toEqual({
      requestsPerDay: 20_000,
    });
    // Three teammates at 20,000 each: 60,000, under the team's 100,000.
    expect(syncBudget(DEFAULT_SYNC_SETTINGS, LIMIT, pace(60_000, 20_000))).toEqual({
      requestsPerDay: 20_000,
    });
  });

  it('over the share, cuts the budget in proportion to what this extension spends', () => {
    // 20 teammates at 20,000: 400,000 a day against the team's 100,000, paced 10% under it.
    const budget = syncBudget(DEFAULT_SYNC_SETTINGS, LIMIT, pace(400_000, 20_000));
    expect(budget.requestsPerDay).toBeCloseTo((20_000 * TEAM_PACE) / 400_000);
    expect(budget.team).toEqual({ locationPerDay: 400_000, teamPerDay: TEAM_PACE });
    // The share is a setting.
    const quarter = { ...DEFAULT_SYNC_SETTINGS, teamBudgetPercent: 25 };
    expect(syncBudget(quarter, LIMIT, pace(100_000, 20_000)).requestsPerDay).toBeCloseTo(
      (20_000 * 50_000 * BUDGET_HEADROOM) / 100_000,
    );
  });

  it('never cuts below the floor, so a teammate who starts late still syncs', () => {
    const late = syncBudget(DEFAULT_SYNC_SETTINGS, LIMIT, pace(150_000, 100));
    expect(late.requestsPerDay).toBe((LIMIT * TEAM_FLOOR_PERCENT) / 100);
    expect(late.team).toBeDefined();
  });

  it('bounds a person’s own setting by the team’s share', () => {
    const greedy = { ...DEFAULT_SYNC_SETTINGS, dailyBudgetPercent: 80 };
    expect(syncBudget(greedy, LIMIT, pace(160_000, 160_000)).requestsPerDay).toBeCloseTo(TEAM_PACE);
  });

  it('brings 20 teammates who each want 20,000 a day to the team’s share within a few hours', () => {
    // Each hour every extension spends its budget (its tiers fit it), then plans the next hour
    // from the hour's pace.
    const wants = Array.from({ length: 20 }, (_, i) => 12_000 + i * 500);
    let budgets = wants.map(() => 20_000);
    let location = 0;
    for (let hour = 0; hour < 6; hour += 1) {
      const spent = budgets.map((b, i) => Math.min(b, wants[i]!));
      location = spent.reduce((a, b) => a + b, 0);
      budgets = spent.map(
        (own) => syncBudget(DEFAULT_SYNC_SETTINGS, LIMIT, pace(location, own)).requestsPerDay,
      );
    }
    expect(location).toBeLessThanOrEqual(TEAM_PACE * 1.01);
    // In proportion to what each needed: the biggest spender keeps the most.
    expect(budgets[19]!).toBeGreaterThan(budgets[0]!);
  });
});
