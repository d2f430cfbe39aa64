// Issue 17's quota pressure: with GHL reporting 15% and then 4% of the location's daily limit
// left, background sync must slow down (every tier waits 4 times as long) and then pause, while a
// person's own actions still go through without a single 429.
import '../support/extension-env';
import { seedSandboxData } from '../../sandbox/seed-data';
import { GHL_RATE_LIMITS } from '../../utils/ghl/api-constants';
import { QUOTA_FIGURE_TTL_MS } from '../../utils/ghl/daily-quota';
import { SLOW_TIER_FACTOR } from '../../utils/sync/quota-stretch';
import type { Benchmark, BenchSection } from '../bench-report';
import { count, span } from '../stats';
import { dayScenario } from './day-scenario';
import { DAY_TIER_SIZES } from './day-tiers';
import { ACTION_EVERY_MS, runQuotaPressure, type QuotaPhase } from './quota-run';

const HOUR_MS = 3_600_000;
const LIMIT = GHL_RATE_LIMITS.dailyMax;
/** How far the slowed hour may be above a quarter of the normal one (runs fall on 30 s ticks). */
const SLOW_SLACK = 1.1;

export const quotaPressure: Benchmark = async ({ smoke, log }) => {
  const n = smoke ? 30 : 1000;
  const phaseMs = smoke ? 10 * 60_000 : HOUR_MS;
  const ids = [...seedSandboxData({ contacts: n, now: Date.now() }).contacts.keys()];
  const scenario = dayScenario(ids, n, {
    dayMs: phaseMs * 3,
    drainMs: 0,
    firstSyncMaxMs: smoke ? HOUR_MS : 8 * HOUR_MS,
    openTimes: [],
    sizes: smoke ? { open: 1, today: 3, month: 6 } : DAY_TIER_SIZES,
  });
  const phases: QuotaPhase[] = [
    { name: 'Over 20% left' },
    { name: '15% left', leaveToday: Math.round(LIMIT * 0.15) },
    { name: '4% left', leaveToday: Math.round(LIMIT * 0.04) },
  ];
  const result = await runQuotaPressure(scenario, phases, phaseMs, log);
  const [normal, slow, paused] = result.phases;
  const perHour = (value: number) => (value * HOUR_MS) / phaseMs;
  const probesAllowed = phaseMs / QUOTA_FIGURE_TTL_MS;
  const at = smoke ? ` (N = ${n}, smoke)` : '';

  const targets: BenchSection['targets'] = [
    {
      goal: `15% left: background requests ≤ 1/${SLOW_TIER_FACTOR} of those with over 20% left (every tier waits ${SLOW_TIER_FACTOR}× as long; ${Math.round((SLOW_SLACK - 1) * 100)}% slack)${at}`,
      actual: `${count(perHour(slow!.background))} vs ${count(perHour(normal!.background))} an hour (1/${(normal!.background / Math.max(1, slow!.background)).toFixed(1)})`,
      met: slow!.background * SLOW_TIER_FACTOR <= normal!.background * SLOW_SLACK,
    },
    {
      goal: `4% left: background sync paused — at most one request per ${QUOTA_FIGURE_TTL_MS / 60_000} min to learn GHL's figure again (daily-quota.ts), ≤ ${count(perHour(probesAllowed))} an hour${at}`,
      actual: `${count(perHour(paused!.background))} an hour`,
      met: paused!.background <= probesAllowed,
    },
    {
      goal: `People's actions get 0 × 429 at every level${at}`,
      actual: result.phases.map((p) => `${p.name}: ${p.peopleTooMany}`).join(', '),
      met: result.phases.every((p) => p.peopleTooMany === 0),
    },
    {
      goal: `Every write reaches GHL and every opened transcript is refreshed at every level${at}`,
      actual: result.phases
        .map(
          (p) =>
            `${p.name}: ${p.writesMissing} of ${p.writes} missing, ${p.opensFailed} of ${p.opens} failed`,
        )
        .join('; '),
      met: result.phases.every(
        (p) => p.writes > 0 && p.writesMissing === 0 && p.opens > 0 && p.opensFailed === 0,
      ),
    },
  ];

  return {
    id: 'quota-pressure',
    title: 'Quota pressure',
    what:
      'Background requests per hour with the location’s daily limit more than 20%, 15% and 4% ' +
      'left, and the person’s own actions meanwhile (429s, writes that reach GHL, transcripts ' +
      `refreshed on opening), for N = ${count(n)} links (issue 17).`,
    how:
      'One simulated clock; the Sandbox GHL (100 ms answers, GHL’s limits: ' +
      `${count(LIMIT)} a day) and the real background as in “A simulated day of sync”, with its ` +
      `tier mix (1 open, ${smoke ? 3 : DAY_TIER_SIZES.today} viewed today, ` +
      `${smoke ? 6 : DAY_TIER_SIZES.month} in the last 30 days, the rest dormant) and its GHL-side ` +
      'edit stream. After the first full sync (quota untouched), three stretches of ' +
      `${span(phaseMs)} each: the quota as it is (over 95% left), then the Sandbox’s control API ` +
      '(`POST /__sandbox/rate-limits {leaveToday: {count}}`, as if teammates had spent the rest) ' +
      `leaves ${count(phases[1]!.leaveToday!)} (15%), then ${count(phases[2]!.leaveToday!)} (4%); ` +
      'the extension learns it from the next answer’s X-RateLimit-Daily-Remaining. Every ' +
      `${ACTION_EVERY_MS / 60_000} minutes the person writes a note on the open transcript’s ` +
      'contact (outbox.enqueue, as the panel does) and, 5 minutes later, opens a transcript viewed ' +
      'today again (markViewed and engine.refreshContact(contact, "panel-open"), as ' +
      'transcript/opened does). A person’s request is one made inside such an opening or any ' +
      'write (the sync only reads); every other request is background sync. A write reached GHL ' +
      'when the Sandbox holds its note at the stretch’s end.',
    tables: [
      {
        caption: 'Requests per stretch',
        columns: [
          'Daily limit left',
          'Background',
          'Background an hour',
          'People’s',
          '429s (background / people’s)',
          'Writes in GHL',
          'Opens refreshed',
          'GHL’s figure at the end',
        ],
        rows: result.phases.map((p) => [
          p.name,
          count(p.background),
          count(perHour(p.background)),
          count(p.people),
          `${p.backgroundTooMany} / ${p.peopleTooMany}`,
          `${p.writes - p.writesMissing} of ${p.writes}`,
          `${p.opens - p.opensFailed} of ${p.opens}`,
          p.leftAtEnd === undefined ? '—' : count(p.leftAtEnd),
        ]),
      },
    ],
    targets,
    notes: [
      `First full sync (before the stretches): ${span(result.firstSync.ms)}, ${count(result.firstSync.requests)} requests; the run took ${span(result.wallMs)} of wall time.`,
      'The popup’s line saying why sync slowed or paused is checked by an end-to-end test, not here.',
    ],
  };
};
