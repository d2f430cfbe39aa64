// Issue 17's simulated day for one person: the real sync engine through a first full sync and 24
// simulated hours of GHL-side edits, with issue 17's tier mix (1 open, 20 viewed today, 100 in the
// last 30 days, the rest dormant), at N = 1,000 and 5,000; against the naive 5-minute poller.
import '../support/extension-env';
import os from 'node:os';
import type { Benchmark } from '../bench-report';
import { count, median, span } from '../stats';
import { runTwoAtATime } from '../support/worker-thread';
import { NAIVE_INTERVAL_MS } from '../sync/naive-poller';
import { runDayJobInWorker, type DayJob } from './day-job';
import type { DayResult } from './day-run';
import { DAY_EDIT_INTERVAL_MS } from './day-scenario';
import { DAY_TIER_SIZES, DAY_TIERS, REVIEW_AFTER_MS, type DayTier } from './day-tiers';
import { EDIT_BEFORE_OPEN_MS } from './dormant-opens';
import { dayTargets, staleCell } from './sync-day-targets';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const TIER_NAMES: Record<DayTier, string> = {
  open: 'Open',
  today: 'Today',
  month: 'Last 30 days',
  dormant: 'Dormant',
};

export const syncDay: Benchmark = async ({ smoke, log }) => {
  const base = smoke
    ? {
        dayMs: 20 * 60_000,
        drainMs: 20 * 60_000,
        firstSyncMaxMs: HOUR_MS,
        opens: 2,
        sizes: { open: 1, today: 3, month: 6 },
        naiveMs: 10 * 60_000,
      }
    : {
        // BENCH_DAY_MINUTES shortens the day for a quick look at the first sync (not the target).
        dayMs: Number(process.env.BENCH_DAY_MINUTES ?? 0) * 60_000 || DAY_MS,
        drainMs: Number(process.env.BENCH_DAY_MINUTES ?? 0) * 60_000 || DAY_MS + HOUR_MS,
        firstSyncMaxMs: 8 * HOUR_MS,
        opens: 4,
        naiveMs: HOUR_MS,
      };
  // BENCH_DAY_SIZES=1000 runs one size alone (each simulated day takes long on a busy machine).
  const chosen = process.env.BENCH_DAY_SIZES?.split(',')
    .map(Number)
    .filter((n) => n > 0);
  const sizes = smoke ? [30] : chosen?.length ? chosen : [1000, 5000];
  const jobs: DayJob[] = sizes
    .flatMap((n) =>
      (['ours', 'naive'] as const).map((who) => ({ kind: 'day-job' as const, who, n, ...base })),
    )
    // The longest first: the engine's day at the largest size.
    .sort((a, b) => b.n - a.n || (a.who === 'ours' ? -1 : 1));
  const parallel = Math.max(1, Math.min(2, os.cpus().length));
  const done = await runTwoAtATime(jobs, (job) => runDayJobInWorker(job, log), parallel);
  const results = sizes.map((n) => {
    const at = (who: DayJob['who']) => done[jobs.findIndex((j) => j.n === n && j.who === who)]!;
    const ours = at('ours');
    const naive = at('naive');
    if (ours.who !== 'ours' || naive.who !== 'naive') throw new Error('Day jobs out of order');
    // The naive poller has no state: its day is its measured stretch, scaled.
    const naiveDay = (naive.hour.hour.requests * base.dayMs) / base.naiveMs;
    return { n, ours: ours.day, naive: naive.hour, naiveDay };
  });

  const dayWord = smoke ? `${base.dayMs / 60_000} simulated minutes (smoke)` : 'the simulated day';
  return {
    id: 'sync-day',
    title: 'A simulated day of sync',
    what:
      `One person's GHL requests over ${dayWord} after the first full sync, against the naive ` +
      '5-minute poller; how long a change made in GHL takes to be visible (p50/p95) for the ' +
      'transcript open in a tab, those viewed today, in the last 30 days and the dormant ones; ' +
      'how soon a dormant transcript is fresh once opened; and the first full sync, for ' +
      `N = ${sizes.map(count).join(', ')} linked contacts (issue 17).`,
    how: howText(base, smoke),
    tables: [
      {
        caption: `Cost over ${dayWord} (after the first full sync)`,
        columns: ['N', 'Who', 'Requests', 'Naive / ours', 'Busiest 10 s', '429s'],
        rows: results.flatMap(({ n, ours, naive, naiveDay }) => [
          [
            count(n),
            'our scheduler',
            count(ours.day.requests),
            `${(naiveDay / Math.max(1, ours.day.requests)).toFixed(1)}×`,
            count(ours.day.maxInWindow),
            count(ours.day.tooMany),
          ],
          [
            count(n),
            `naive poller (its ${span(base.naiveMs)} × ${base.dayMs / base.naiveMs})`,
            count(naiveDay),
            '',
            count(naive.hour.maxInWindow),
            count((naive.hour.tooMany * base.dayMs) / base.naiveMs),
          ],
        ]),
      },
      {
        caption: `Our requests ${smoke ? 'quarter' : 'hour'} by ${smoke ? 'quarter' : 'hour'} over the day`,
        columns: ['N', 'Fewest', 'Median', 'Most', 'In order'],
        rows: results.map(({ n, ours }) => [
          count(n),
          count(Math.min(...ours.hourly)),
          count(median(ours.hourly)),
          count(Math.max(...ours.hourly)),
          ours.hourly.map(count).join(' · '),
        ]),
      },
      {
        caption: 'Staleness, edit → visible (our scheduler)',
        columns: [
          'N',
          ...DAY_TIERS.flatMap((t) => [`${TIER_NAMES[t]} p50`, `${TIER_NAMES[t]} p95`]),
          'Edits (unseen)',
        ],
        rows: results.map(({ n, ours }) => [
          count(n),
          ...DAY_TIERS.flatMap((t) => [
            staleCell(ours.staleness[t], 'p50'),
            staleCell(ours.staleness[t], 'p95'),
          ]),
          DAY_TIERS.map((t) => `${ours.staleness[t].edits} (${ours.staleness[t].unseen})`).join(
            ' / ',
          ),
        ]),
      },
      {
        caption: 'Dormant transcripts opened during the day',
        columns: ['N', 'Opened at (into the day)', 'Opened → visible', 'Edit → visible'],
        rows: results.flatMap(({ n, ours }) =>
          ours.opens.map((o) => [
            count(n),
            span(o.atMs),
            Number.isFinite(o.openToVisibleMs) ? span(o.openToVisibleMs) : 'never',
            o.visibleAt === undefined ? 'never' : span(o.visibleAt - o.editedAt),
          ]),
        ),
      },
      {
        caption: 'Our first full sync (before the day)',
        columns: ['N', 'Took (simulated)', 'Contacts read', 'Requests', 'Busiest 10 s', '429s'],
        rows: results.map(({ n, ours }) => [
          count(n),
          span(ours.firstSync.ms),
          `${count(ours.firstSync.done)} of ${count(ours.firstSync.total)}`,
          count(ours.firstSync.requests),
          count(ours.firstSync.maxInWindow),
          count(ours.firstSync.tooMany),
        ]),
      },
    ],
    targets: results.flatMap((r) => dayTargets(r, smoke)),
    notes: results.map(({ n, ours }) => runNote(n, ours)),
  };
};

function runNote(n: number, ours: DayResult): string {
  return (
    `N = ${count(n)}: the engine's run took ${span(ours.wallMs)} of wall time; ` +
    `${ours.views} views of "today" transcripts during the day; transcripts whose last view put ` +
    `them in another engine tier than meant: ${ours.misplaced.atStart} at the start, ` +
    `${ours.misplaced.atEnd} at the day's end; unseen edits followed for ` +
    `${span(ours.drainedMs)} after the day.`
  );
}

function howText(base: { dayMs: number; drainMs: number; naiveMs: number }, smoke: boolean) {
  const sizes = smoke
    ? 'smoke sizes (1 open, 3 today, 6 last 30 days, the rest dormant)'
    : `issue 17’s mix (${DAY_TIER_SIZES.open} open, ${DAY_TIER_SIZES.today} viewed today, ` +
      `${DAY_TIER_SIZES.month} in the last 30 days, the rest dormant)`;
  return (
    'One simulated clock per size, in a worker thread (two at once): the Sandbox GHL with its ' +
    '100-per-10-s bucket and a 100 ms answer time, and the real background (createBackground: ' +
    'sync engine with default settings, open tab 30 s, viewed today 5 min, last 30 days 60 min, ' +
    'dormant 24 h, background share 50%, daily budget 10%, 100 contacts a batch) on ' +
    'fake-indexeddb, woken every 30 s ' +
    `as the alarm does. N transcripts each link their own contact, in ${sizes}: after linking, ` +
    'each transcript’s lastViewedAt is written into the cache’s transcripts store (open: now; ' +
    'today: within the 12 h before; last 30 days: 2 to 20 days before; dormant: 31 to 365 days ' +
    'before), and one is open in a tab all day. Today’s transcripts stay today’s by being viewed ' +
    `again (markViewed, as a panel opening records it; no GHL request) once their last view is ` +
    `${REVIEW_AFTER_MS / HOUR_MS} h old, checked hourly; the 30-day and dormant stamps stay in ` +
    'their tier for the whole run (checked at the start and at the end, in the notes). The first ' +
    'full sync runs until every linked contact has been read (reported apart); the day starts at ' +
    'its end. During the day a seeded Poisson stream of edits is made in GHL through the ' +
    'Sandbox’s control API (a company name, a task renamed, a note added), on average one every ' +
    `${DAY_EDIT_INTERVAL_MS.open / 1000} s on the open contact, ` +
    `${DAY_EDIT_INTERVAL_MS.today / 1000} s on one viewed today and ` +
    `${DAY_EDIT_INTERVAL_MS.month / 1000} s on one of the last 30 days (the hour benchmark’s ` +
    'rates, whose "rest" were all read hourly), and, our pick, every ' +
    `${DAY_EDIT_INTERVAL_MS.dormant / 1000} s on a dormant one. At evenly spread times a dormant ` +
    `transcript (one the stream leaves alone) has its contact edited, then is opened ` +
    `${EDIT_BEFORE_OPEN_MS / 1000} s later as transcript/opened does: its view recorded, its tab ` +
    'open (for 10 minutes, then closed), and engine.refreshContact(contact, "panel-open"); ' +
    'opened → visible is from then to the panel being told of that edit. An edit is visible ' +
    'when the sync that read that part of the contact after the edit has stored it and told the ' +
    'panel (onTranscriptChanged). Requests count everything the Sandbox received during the ' +
    'day, 429s included; after the day, edits still unseen are followed for up to ' +
    `${span(base.drainMs)} (a dormant edit may take a day; not counted as cost), and a ` +
    'percentile marked ≥ landed on an edit never seen (a lower bound). The naive poller ' +
    `(bench/sync/naive-poller.ts: contact, tasks and notes of every link every ` +
    `${NAIVE_INTERVAL_MS / 60_000} minutes, six at a time, 429s retried after Retry-After) runs ` +
    `${span(base.naiveMs)} on the same links and edit rates; its day is that times ` +
    `${base.dayMs / base.naiveMs}, since it keeps no state and every stretch costs the same.`
  );
}
