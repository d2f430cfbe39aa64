// Issue 17's targets for one person's simulated day, met or not, from a size's results.
import type { BenchSection } from '../bench-report';
import { count, span } from '../stats';
import type { NaiveHour } from './day-job';
import type { DayResult } from './day-run';
import type { DayTier } from './day-tiers';

type Stats = DayResult['staleness'][DayTier];

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Staleness p95 per tier (issue 17). */
export const STALENESS_P95_MS: Record<DayTier, number> = {
  open: 35_000,
  today: 5 * MIN,
  month: 60 * MIN,
  dormant: 24 * HOUR,
};
/** Requests a day after the first sync, by N (10% and 20% of GHL's daily 200,000). */
export const DAY_REQUESTS_MAX: Record<number, number> = { 1000: 20_000, 5000: 40_000 };
export const NAIVE_RATIO_MIN = 20;
export const OPENED_FRESH_MS = 35_000;
export const FIRST_SYNC_MAX = { requests: 2_000, ms: 5 * MIN };

/** A percentile's cell: '—' without edits, '≥ ' when it landed on an edit never seen. */
export const staleCell = (s: Stats, key: 'p50' | 'p95') =>
  s.edits === 0 ? '—' : `${s[key].atLeast ? '≥ ' : ''}${span(s[key].ms)}`;

const staleMet = (s: Stats, maxMs: number) => s.edits > 0 && !s.p95.atLeast && s.p95.ms <= maxMs;

/**
 * The targets at one size: at 1,000 all of them; at 5,000 the open and today staleness and the
 * day's requests. Smoke runs (other sizes) are held to the 1,000 targets, for the shape only.
 */
export function dayTargets(
  r: { n: number; ours: DayResult; naive: NaiveHour; naiveDay: number },
  smoke: boolean,
): BenchSection['targets'] {
  const { n, ours, naiveDay } = r;
  const at = `N = ${count(n)}${smoke ? ', smoke' : ''}`;
  const full = n !== 5000;
  const tiers: DayTier[] = full ? ['open', 'today', 'month', 'dormant'] : ['open', 'today'];
  const maxRequests = DAY_REQUESTS_MAX[n] ?? DAY_REQUESTS_MAX[1000]!;
  const targets: BenchSection['targets'] = [
    {
      goal: `Requests per simulated day after the first sync ≤ ${count(maxRequests)} (${at})`,
      actual: count(ours.day.requests),
      met: ours.day.requests <= maxRequests,
    },
    ...tiers.map((tier) => ({
      goal: `Staleness p95 ${tier === 'month' ? 'last 30 days' : tier} ≤ ${span(STALENESS_P95_MS[tier])} (${at})`,
      actual: `${staleCell(ours.staleness[tier], 'p95')} (${ours.staleness[tier].edits} edits)`,
      met: staleMet(ours.staleness[tier], STALENESS_P95_MS[tier]),
    })),
  ];
  if (!full) return targets;
  const ratio = naiveDay / Math.max(1, ours.day.requests);
  const slowestOpen = Math.max(...ours.opens.map((o) => o.openToVisibleMs));
  targets.push(
    {
      goal: `≥ ${NAIVE_RATIO_MIN}× fewer requests than the naive 5-minute poller (${at})`,
      actual: `${count(ours.day.requests)} vs ${count(naiveDay)} (${ratio.toFixed(1)}×)`,
      met: ratio >= NAIVE_RATIO_MIN,
    },
    {
      goal: `A dormant transcript fresh within ${span(OPENED_FRESH_MS)} of being opened (${at})`,
      actual: `slowest of ${ours.opens.length}: ${Number.isFinite(slowestOpen) ? span(slowestOpen) : 'never'}`,
      met: ours.opens.length > 0 && slowestOpen <= OPENED_FRESH_MS,
    },
    {
      goal: `First full sync ≤ ${count(FIRST_SYNC_MAX.requests)} requests and ≤ ${span(FIRST_SYNC_MAX.ms)} (${at})`,
      actual:
        `${count(ours.firstSync.requests)} requests, ${span(ours.firstSync.ms)}` +
        (ours.firstSync.done < ours.firstSync.total
          ? ` (${ours.firstSync.done} of ${ours.firstSync.total} read)`
          : ''),
      met:
        ours.firstSync.done === ours.firstSync.total &&
        ours.firstSync.requests <= FIRST_SYNC_MAX.requests &&
        ours.firstSync.ms <= FIRST_SYNC_MAX.ms,
    },
  );
  return targets;
}
