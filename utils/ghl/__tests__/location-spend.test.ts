import { describe, expect, it } from 'vitest';
import {
  createSpendTracker,
  MIN_SPEND_WINDOW_MS,
  SPEND_TTL_MS,
  SPEND_WINDOW_MS,
} from '../location-spend';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const T0 = Date.UTC(2026, 11, 8, 9);

describe('location spend: the team’s pace from GHL’s daily figures', () => {
  it('tells nothing until the figures cover 10 minutes', () => {
    const spend = createSpendTracker();
    spend.record(T0, 150_000, 0);
    spend.record(T0 + MIN_SPEND_WINDOW_MS - 1, 149_000, 10);
    expect(spend.spend(T0 + MIN_SPEND_WINDOW_MS)).toBeUndefined();
    spend.record(T0 + MIN_SPEND_WINDOW_MS, 148_990, 20);
    expect(spend.spend(T0 + MIN_SPEND_WINDOW_MS)).toBeDefined();
  });

  it('projects the location’s and our own requests over a day, the rest being teammates’', () => {
    const spend = createSpendTracker();
    // 20 minutes: the location spent 1,000, of which we sent 100.
    for (let minute = 0; minute <= 20; minute += 1) {
      spend.record(T0 + minute * MINUTE, 150_000 - minute * 50, minute * 5);
    }
    const pace = spend.spend(T0 + 20 * MINUTE)!;
    expect(pace.windowMs).toBe(20 * MINUTE);
    expect(pace.locationPerDay).toBeCloseTo((1_000 * DAY) / (20 * MINUTE));
    expect(pace.ownPerDay).toBeCloseTo((100 * DAY) / (20 * MINUTE));
  });

  it('goes by the last hour: a burst two hours ago no longer counts', () => {
    const spend = createSpendTracker();
    spend.record(T0, 150_000, 0);
    spend.record(T0 + 5 * MINUTE, 100_000, 0); // teammates' first syncs
    for (let minute = 10; minute <= 180; minute += 1) {
      spend.record(T0 + minute * MINUTE, 100_000 - (minute - 10), 0);
    }
    const pace = spend.spend(T0 + 180 * MINUTE)!;
    expect(pace.windowMs).toBeLessThanOrEqual(SPEND_WINDOW_MS + MINUTE);
    // One request a minute: 1,440 a day, not the burst's.
    expect(pace.locationPerDay).toBeCloseTo(1_440, -1);
  });

  it('starts over at GHL’s daily reset (the figure goes up)', () => {
    const spend = createSpendTracker();
    spend.record(T0, 10_000, 0);
    spend.record(T0 + 30 * MINUTE, 5_000, 0);
    spend.record(T0 + 31 * MINUTE, 200_000, 0);
    expect(spend.spend(T0 + 31 * MINUTE)).toBeUndefined();
    spend.record(T0 + 45 * MINUTE, 199_000, 0);
    expect(spend.spend(T0 + 45 * MINUTE)?.locationPerDay).toBeCloseTo(
      (1_000 * DAY) / (14 * MINUTE),
    );
  });

  it('does not act on a pace no answer has confirmed for 15 minutes', () => {
    const spend = createSpendTracker();
    spend.record(T0, 150_000, 0);
    spend.record(T0 + 20 * MINUTE, 140_000, 0);
    expect(spend.spend(T0 + 20 * MINUTE + SPEND_TTL_MS)).toBeDefined();
    expect(spend.spend(T0 + 20 * MINUTE + SPEND_TTL_MS + 1)).toBeUndefined();
  });

  it('never counts more of ours than the location spent (a figure lagging our requests)', () => {
    const spend = createSpendTracker();
    spend.record(T0, 150_000, 0);
    spend.record(T0 + 20 * MINUTE, 149_990, 30);
    const pace = spend.spend(T0 + 20 * MINUTE)!;
    expect(pace.ownPerDay).toBe(pace.locationPerDay);
  });

  it('keeps the last hour’s pace when answers come every 100 ms (figures are thinned to one per 30 s)', () => {
    const spend = createSpendTracker();
    // An answer every 100 ms for two hours: the pace is still the last hour's.
    for (let at = 0; at <= 2 * 60 * MINUTE; at += 100) {
      spend.record(T0 + at, 200_000 - at / 1_000, at / 1_000);
    }
    const pace = spend.spend(T0 + 2 * 60 * MINUTE)!;
    expect(pace.locationPerDay).toBeCloseTo(DAY / 1_000, -1);
    expect(pace.ownPerDay).toBeCloseTo(pace.locationPerDay, -1);
  });
});
