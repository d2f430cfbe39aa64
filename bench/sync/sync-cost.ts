// Benchmark 2 of issue 8: sync cost and freshness. Our scheduler (the real sync engine and its
// tiers) against a naive poller, in the same run, for N linked contacts and one simulated hour
// of GHL-side edits. See scheduler-run.ts and naive-poller.ts.
import '../support/extension-env';
import os from 'node:os';
import type { Benchmark, BenchSection } from '../bench-report';
import { count, duration } from '../stats';
import { BURST_MAX } from '../support/traffic';
import { EDIT_INTERVAL_MS, TIERS, type Tier } from './edit-stream';
import { NAIVE_INTERVAL_MS } from './naive-poller';
import { RECENT_TRANSCRIPTS } from './scenario';
import { runJobInWorker, type NaiveResult, type SchedulerResult, type SyncJob } from './sync-job';

type Staleness = NaiveResult['staleness'];
type Traffic = NaiveResult['hour'];

const TARGET_OPEN_P95_MS = 35_000;
const TARGET_N = 1000;

const staleCell = (s: Staleness[Tier], key: 'p50' | 'p95') =>
  s.edits === 0 ? '—' : `${s[key].atLeast ? '≥ ' : ''}${duration(s[key].ms)}`;

export const syncCost: Benchmark = async ({ smoke, log }) => {
  const sizes = smoke ? [20] : [100, 1000, 5000];
  const hourMs = smoke ? 10 * 60_000 : 3_600_000;
  const drainMs = smoke ? 10 * 60_000 : 65 * 60_000;
  // Every (size, who) pair is its own simulation: the biggest first, two at a time.
  const jobs: SyncJob[] = sizes
    .flatMap((n) => (['ours', 'naive'] as const).map((who) => ({ who, n, hourMs, drainMs })))
    .sort((a, b) => b.n - a.n);
  const done = new Map<string, SchedulerResult | NaiveResult>();
  const parallel = Math.max(1, Math.min(2, os.cpus().length));
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        done.set(`${job.who} ${job.n}`, await runJobInWorker(job, log));
      }
    }),
  );
  const results = sizes.map((n) => ({
    n,
    ours: done.get(`ours ${n}`) as SchedulerResult,
    naive: done.get(`naive ${n}`) as NaiveResult,
  }));

  const hourWord = smoke ? `${hourMs / 60_000} simulated minutes` : 'the simulated hour';
  const costRows = results.flatMap(({ n, ours, naive }) => [
    costRow(n, 'our scheduler', ours.hour, naive.hour),
    costRow(n, 'naive poller', naive.hour),
  ]);
  const staleRows = results.flatMap(({ n, ours, naive }) =>
    (
      [
        ['our scheduler', ours.staleness],
        ['naive poller', naive.staleness],
      ] as const
    ).map(([who, s]) => [
      count(n),
      who,
      ...TIERS.flatMap((tier) => [staleCell(s[tier], 'p50'), staleCell(s[tier], 'p95')]),
      TIERS.map((tier) => s[tier].edits).join(' / '),
    ]),
  );
  const firstRows = results.map(({ n, ours }) => [
    count(n),
    duration(ours.firstSync.ms),
    count(ours.firstSync.requests),
    count(ours.firstSync.maxInWindow),
    count(ours.firstSync.tooMany),
  ]);

  const targets: BenchSection['targets'] = results.map(({ n, ours }) => ({
    goal: `Open transcript staleness p95 ≤ 35 s (N = ${count(n)})`,
    actual: staleCell(ours.staleness.open, 'p95'),
    met: !ours.staleness.open.p95.atLeast && ours.staleness.open.p95.ms <= TARGET_OPEN_P95_MS,
  }));
  const atTarget = results.find((r) => r.n === TARGET_N) ?? results[results.length - 1]!;
  const sizeNote = atTarget.n === TARGET_N ? '' : ` (smoke size N = ${atTarget.n})`;
  targets.push(
    {
      goal: `Background sync ≤ 50% of the burst budget (≤ ${BURST_MAX / 2} per 10 s) in every window at N = 1,000${sizeNote}`,
      actual: `busiest window ${atTarget.ours.hour.maxInWindow} requests`,
      met: atTarget.ours.hour.maxInWindow <= BURST_MAX / 2,
    },
    {
      goal: `0 × 429 at N = 1,000${sizeNote}`,
      actual: `${atTarget.ours.hour.tooMany} × 429`,
      met: atTarget.ours.hour.tooMany === 0,
    },
    {
      goal: `Requests per hour at N = 1,000 ≤ 1/10 of the naive poller's${sizeNote}`,
      actual: `${count(atTarget.ours.hour.requests)} vs ${count(atTarget.naive.hour.requests)} (1/${(atTarget.naive.hour.requests / Math.max(1, atTarget.ours.hour.requests)).toFixed(1)})`,
      met: atTarget.ours.hour.requests * 10 <= atTarget.naive.hour.requests,
    },
  );

  return {
    id: 'sync-cost',
    title: 'Sync cost and freshness',
    what:
      'Requests to GHL, the busiest 10 s window and 429s over one simulated hour, and how long a ' +
      'change made in GHL takes to be visible (edit → visible, p50/p95) for the transcript open in ' +
      `a tab, the ${RECENT_TRANSCRIPTS} viewed today and the rest: our scheduler against a naive poller, ` +
      `for N = ${sizes.map(count).join(', ')} linked contacts.`,
    how:
      'Everything runs in this process on a simulated clock (no real waiting): the Sandbox GHL ' +
      'with its 100-per-10-s bucket and a 100 ms answer time, and for our scheduler the real sync ' +
      'engine (utils/sync, default settings: open tab 30 s, viewed today 5 min, others 60 min, ' +
      'background share 50%, 25 contacts a run) on fake-indexeddb, woken every 30 s as the ' +
      'background alarm does. N transcripts each link their own contact; one is open in a tab, ' +
      `${RECENT_TRANSCRIPTS} were viewed today. Our scheduler first makes its first full sync ` +
      '(reported apart), then the hour is measured. During it a seeded Poisson stream of edits ' +
      `is made in GHL through the Sandbox's control API (a company name, a task renamed, a note ` +
      `added), on average one every ${EDIT_INTERVAL_MS.open / 1000} s on the open contact, every ` +
      `${EDIT_INTERVAL_MS.recent / 1000} s on one of the recent ones and every ` +
      `${EDIT_INTERVAL_MS.rest / 1000} s on one of the rest; the naive poller gets the same edits ` +
      'at the same times. An edit is visible for our scheduler when the sync that read that part of ' +
      'the contact after the edit has stored it and told the panel (onTranscriptChanged); for the ' +
      'naive poller, which has no cache, as soon as its GET answers. The naive poller GETs the ' +
      `contact, its tasks and its notes for every link every ${NAIVE_INTERVAL_MS / 60_000} minutes, ` +
      'six at a time, retrying a 429 after its Retry-After (a cycle still running when the next ' +
      'is due skips it). Requests count every request the Sandbox received in the hour, 429s ' +
      'included; edits still unseen at the hour’s end are followed for up to 65 more minutes (not ' +
      'counted as cost), and a percentile marked ≥ landed on an edit never seen (a lower bound).',
    tables: [
      {
        caption: `Cost over ${hourWord}`,
        columns: ['N', 'Who', 'Requests', 'Naive / ours', 'Busiest 10 s', '429s'],
        rows: costRows,
      },
      {
        caption: 'Staleness, edit → visible',
        columns: [
          'N',
          'Who',
          'Open p50',
          'Open p95',
          'Recent p50',
          'Recent p95',
          'Rest p50',
          'Rest p95',
          'Edits (open / recent / rest)',
        ],
        rows: staleRows,
      },
      {
        caption: 'Our first full sync (before the measured hour)',
        columns: ['N', 'Took (simulated)', 'Requests', 'Busiest 10 s', '429s'],
        rows: firstRows,
      },
    ],
    targets,
  };
};

function costRow(n: number, who: string, traffic: Traffic, naive?: Traffic): string[] {
  const ratio = naive ? `${(naive.requests / Math.max(1, traffic.requests)).toFixed(1)}×` : '';
  return [
    count(n),
    who,
    count(traffic.requests),
    ratio,
    count(traffic.maxInWindow),
    count(traffic.tooMany),
  ];
}
