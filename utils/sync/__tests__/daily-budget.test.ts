import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_SETTINGS } from '../../storage/sync-settings';
import {
  BUDGET_HEADROOM,
  dailyBudget,
  fitToBudget,
  projectDay,
  syncCosts,
  type SyncCosts,
} from '../daily-budget';
import { stretchTiers } from '../quota-stretch';

const ALL_PARTS = { contactDetails: true, tasks: true, notes: true, appointments: true };
const NOW = Date.UTC(2026, 11, 7);
/** Bulk reads work, one calendar: notes per contact; scan + task search + 1 calendar per run. */
const BULK: SyncCosts = { perContact: 1, perScan: 3, alone: 4 };
/** The N = 1,000: 1 open, 20 today, 100 in 30 days, 879 dormant. */
const N1000 = { open: 1, recent: 20, other: 100, dormant: 879 };

describe('daily budget', () => {
  it('is the setting’s share of the location’s daily limit, GHL’s 200,000 when none is known', () => {
    expect(dailyBudget(DEFAULT_SYNC_SETTINGS)).toBe(20_000);
    expect(dailyBudget({ ...DEFAULT_SYNC_SETTINGS, dailyBudgetPercent: 5 }, 100_000)).toBe(5_000);
  });

  it('costs notes per contact with bulk reads, every part per contact without the scopes', () => {
    expect(syncCosts(ALL_PARTS, { missing: {} }, NOW)).toEqual({
      perContact: 1,
      perScan: 3,
      alone: 4,
    });
    const noScopes = {
      missing: { 'locations/tasks.readonly': NOW, 'calendars/events.readonly': NOW },
    };
    expect(syncCosts(ALL_PARTS, noScopes, NOW)).toEqual({ perContact: 3, perScan: 1, alone: 4 });
    // A refusal a day old is tried again: the bulk costs count again.
    expect(syncCosts(ALL_PARTS, noScopes, NOW + 25 * 3_600_000)).toMatchObject({
      perContact: 1,
      perScan: 3,
    });
    const twoCalendars = { missing: {}, calendars: { ids: ['a', 'b'], at: NOW } };
    expect(syncCosts(ALL_PARTS, twoCalendars, NOW).perScan).toBe(4);
  });

  it('projects a day: a bulk read every 30 s with a tab open, each synced contact’s notes', async () => {
    const day = projectDay(N1000, DEFAULT_SYNC_SETTINGS, BULK);
    const syncs = 2_880 + 20 * 288 + 100 * 24 + 879;
    expect(day).toEqual({ runs: 2_880, syncs, total: syncs * 1 + 2_880 * 3 });
  });

  it('prices a run with the open tab alone a request per part, and one bulk run per lower tier’s period', () => {
    // Two calendars: a bulk run costs the scan, the task search, 2 event reads and the notes.
    const twoCalendars: SyncCosts = { perContact: 1, perScan: 4, alone: 4 };
    const day = projectDay(N1000, DEFAULT_SYNC_SETTINGS, twoCalendars);
    // 2,880 runs; today's 20 fall due together every 5 min (288 runs), the 30 days' hourly
    // (24), the dormant daily (1): those 313 are bulk runs (4 + the open tab's notes), the rest
    // read the open contact alone (4); every lower-tier sync adds its notes.
    const bulkRuns = 288 + 24 + 1;
    const lowerSyncs = 20 * 288 + 100 * 24 + 879;
    expect(day.total).toBeCloseTo((2_880 - bulkRuns) * 4 + bulkRuns * 5 + lowerSyncs);
    // The same tiers stretched 2.5x: about the 15,077 a day the sync-day benchmark measured.
    const stretched = projectDay(N1000, stretchTiers(DEFAULT_SYNC_SETTINGS, 2.5, 1), twoCalendars);
    expect(stretched.total).toBeGreaterThan(15_077 * 0.95);
    expect(stretched.total).toBeLessThan(15_077 * 1.05);
  });

  it('prices contacts that fall due one at a time (no tab open) at a request per part', () => {
    // 100 transcripts viewed in 30 days, hourly: 2,400 syncs a day over 2,400 runs.
    const day = projectDay(
      { open: 0, recent: 0, other: 100, dormant: 0 },
      DEFAULT_SYNC_SETTINGS,
      BULK,
    );
    expect(day.total).toBe(2_400 * 4);
    // 1,000 viewed today: many due at each run, read in bulk.
    const many = projectDay(
      { open: 0, recent: 1_000, other: 0, dormant: 0 },
      DEFAULT_SYNC_SETTINGS,
      BULK,
    );
    expect(many.total).toBe(1_000 * 288 + 2_880 * 3);
  });

  it('leaves settings that fit as they are (a spare budget is not spent)', () => {
    const fitted = fitToBudget(DEFAULT_SYNC_SETTINGS, { ...N1000, open: 0 }, BULK, 20_000);
    expect(fitted.stretch).toBe(1);
    expect(fitted.settings).toBe(DEFAULT_SYNC_SETTINGS);
  });

  it('stretches the tiers below open until the projected day fits the budget', () => {
    const fitted = fitToBudget(DEFAULT_SYNC_SETTINGS, N1000, BULK, 20_000);
    expect(fitted.stretch).toBeGreaterThan(1);
    expect(fitted.openStretch).toBe(1);
    expect(fitted.settings.openTabSeconds).toBe(30);
    expect(fitted.settings.recentMinutes).toBeCloseTo(5 * fitted.stretch);
    expect(fitted.projected).toBeCloseTo(20_000 * BUDGET_HEADROOM);
  });

  it('stretches the open tab too when it alone is over the budget', () => {
    const fitted = fitToBudget(
      DEFAULT_SYNC_SETTINGS,
      N1000,
      { perContact: 4, perScan: 0, alone: 4 },
      5_000,
    );
    expect(fitted.openStretch).toBeGreaterThan(1);
    expect(fitted.settings.openTabSeconds).toBeGreaterThan(30);
    expect(fitted.projected).toBeCloseTo(5_000 * BUDGET_HEADROOM);
  });
});
