// Issue 17's team day: the team of "A team on one location" (20 teammates × 200 links, one
// location, one 100-per-10-s bucket) for a simulated day with the day's tiers, first syncs
// included, writes through the working hours and the 2-minute 5xx storm in the middle of them.
import '../support/extension-env';
import { performance } from 'node:perf_hooks';
import { createSandbox } from '../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { createSeededRandom } from '../../sandbox/seeded-random';
import { createFakeClock } from '../../test/support/fake-clock';
import type { Benchmark } from '../bench-report';
import { ALARM_MS, linkWithTiers, startAlarm } from '../day/day-setup';
import { dayTierOf, needsReview, REVIEW_CHECK_MS, type DayTierSizes } from '../day/day-tiers';
import { count, span } from '../stats';
import { benchExtension, type BenchExtension } from '../support/bench-extension';
import { asExtension, installScopedLocks } from '../support/scoped-locks';
import { BURST_MAX, createTrafficRecorder } from '../support/traffic';
import { APPLIED_THEN_502, stormFetch } from './storm-fetch';
import { pickDistinct } from './team-location';
import { checkWrites, teamWrite, type TeamWrite } from './team-writes';

const HOUR_MS = 3_600_000;
const STORM_MS = 2 * 60_000;
const WRITE_INTERVAL_MS = 2 * 60_000;
const LATENCY_MS = 100;
/** Issue 17: the whole team's day, first syncs included, within 50% of GHL's daily 200,000. */
const TEAM_DAY_MAX = 100_000;

interface TeamDaySize {
  teammates: number;
  links: number;
  contacts: number;
  tiers: DayTierSizes;
  dayMs: number;
  /** Writes are made from the day's start for this long (people's working hours). */
  workMs: number;
  /** The storm starts this long into the day. */
  stormAtMs: number;
}

export const teamDay: Benchmark = async ({ smoke, log }) => {
  const size: TeamDaySize = smoke
    ? {
        teammates: 3,
        links: 20,
        contacts: 60,
        tiers: { open: 1, today: 2, month: 4 },
        dayMs: 30 * 60_000,
        workMs: 20 * 60_000,
        stormAtMs: 10 * 60_000,
      }
    : {
        teammates: 20,
        links: 200,
        contacts: 2000,
        tiers: { open: 1, today: 5, month: 20 },
        dayMs: 24 * HOUR_MS,
        workMs: 8 * HOUR_MS,
        stormAtMs: 4 * HOUR_MS,
      };
  const uninstall = installScopedLocks();
  try {
    return await runTeamDay(size, smoke, log);
  } finally {
    uninstall();
  }
};

async function runTeamDay(size: TeamDaySize, smoke: boolean, log: (line: string) => void) {
  const wallStart = performance.now();
  const sim = createFakeClock({ settle: 'idle' });
  const random = createSeededRandom(3);
  const traffic = createTrafficRecorder(sim.now);
  const sandbox = createSandbox({ clock: sim.clock, contacts: size.contacts });
  sandbox.state.faults.arm({ latencyMs: LATENCY_MS });
  const storm = stormFetch(createSandboxFetch(sandbox), sim.clock, LATENCY_MS);
  const fetch = traffic.observe(storm.fetch);
  const allContacts = [...sandbox.state.data.contacts.keys()];

  // Each teammate links their own pick of the location's contacts (teammates overlap), with the
  // day's tiers: the first open in a tab, then today, the last 30 days, the rest dormant.
  const team: { ext: BenchExtension; worksOn: string[]; viewedAt: Map<string, number> }[] = [];
  for (let i = 0; i < size.teammates; i += 1) {
    const name = `teammate-${i}`;
    const ext = await sim.run(
      asExtension(name, () => benchExtension({ fetch, clock: sim.clock, name })),
    );
    const contacts = pickDistinct(allContacts, size.links, random);
    const transcripts = contacts.map((contactId, k) => ({
      transcriptId: `t${i}-${k}`,
      contactId,
      tier: dayTierOf(k, size.tiers),
    }));
    const viewedAt = await asExtension(name, () => linkWithTiers(sim, ext, transcripts));
    const worksOn = transcripts.filter((t) => t.tier === 'open' || t.tier === 'today');
    team.push({ ext, worksOn: worksOn.map((t) => t.contactId), viewedAt });
  }
  log(`${size.teammates} teammates linked ${size.links} transcripts each`);

  const start = sim.now();
  let writing = true;
  let stopped = false;
  const writes: TeamWrite[] = [];
  let refused = 0;
  const alarms = team.map(({ ext, viewedAt }, i) =>
    asExtension(ext.name, () => {
      // Today's transcripts are viewed again before they turn 24 h old (see day-tiers.ts).
      void (async () => {
        while (!stopped) {
          for (const [transcriptId, at] of viewedAt) {
            if (ext.open.has(transcriptId) || !isToday(transcriptId, size.tiers)) continue;
            if (!needsReview(at, sim.now())) continue;
            await ext.transcripts.markViewed(transcriptId);
            viewedAt.set(transcriptId, sim.now());
          }
          await sim.clock.sleep(REVIEW_CHECK_MS);
        }
      })();
      return startAlarm(sim, ext, (i * ALARM_MS) / size.teammates);
    }),
  );
  team.forEach(({ ext, worksOn }, i) =>
    asExtension(ext.name, () => {
      void (async () => {
        for (let seq = 0; ; seq += 1) {
          await sim.clock.sleep(-Math.log(1 - random.next()) * WRITE_INTERVAL_MS);
          if (!writing || sim.now() - start >= size.workMs) return;
          const made = teamWrite(i, seq, random.pick(worksOn), random, sim.now());
          try {
            await ext.outbox!.enqueue(made.operation);
            writes.push({ ...made.write, at: sim.now() });
          } catch {
            refused += 1;
          }
        }
      })();
    }),
  );

  // Until the storm: the first syncs and the morning.
  await sim.advanceTo(start + size.stormAtMs);
  const before = traffic.summary();
  log(`before the storm: ${before.requests} requests (${span(performance.now() - wallStart)})`);
  traffic.reset();
  storm.start(STORM_MS);
  const stormStart = sim.now();
  await sim.advanceTo(stormStart + STORM_MS);
  const stormTraffic = traffic.summary();
  traffic.reset();
  const stormEnd = sim.now();

  // After the storm: every write made by its end in GHL (checked every 10 s), then the day.
  const madeByStormEnd = writes.length;
  let convergedAt: number | undefined;
  while (sim.now() < start + size.dayMs) {
    if (convergedAt === undefined) {
      const { lost } = checkWrites(writes.slice(0, madeByStormEnd), sandbox.state.data);
      if (lost.length === 0) convergedAt = sim.now();
    }
    await sim.advanceTo(Math.min(start + size.dayMs, sim.now() + (convergedAt ? HOUR_MS : 10_000)));
  }
  const after = traffic.summary();
  writing = false;
  stopped = true;
  for (const alarm of alarms) await alarm.stop();
  let pending = 0;
  let failed = 0;
  for (const { ext } of team) {
    const summary = await sim.run(ext.outbox!.summary());
    pending += summary.pending + summary.waiting;
    failed += summary.failed;
  }
  const { lost, duplicated } = checkWrites(writes, sandbox.state.data);
  for (const { ext } of team) await sim.run(ext.outbox!.close());
  const dayRequests = before.requests + stormTraffic.requests + after.requests;
  const tooMany = before.tooMany + stormTraffic.tooMany + after.tooMany;
  const busiest = Math.max(before.maxInWindow, after.maxInWindow);
  const wallMs = performance.now() - wallStart;
  log(`day: ${dayRequests} requests; wall ${span(wallMs)}`);
  const at = smoke ? ` (smoke: ${size.teammates} × ${size.links}, ${span(size.dayMs)})` : '';
  const phaseRow = (name: string, ms: number, t: typeof before, extra = '') => [
    name,
    span(ms),
    count(t.requests),
    count(t.maxInWindow),
    count(t.tooMany),
    extra || count(t.serverErrors),
  ];

  return {
    id: 'team-day',
    title: 'A team’s simulated day',
    what:
      `${size.teammates} teammates’ extensions, ${size.links} links each, on one GHL location for ` +
      'a simulated day with the day’s tiers, first syncs included: the whole team’s requests, ' +
      'the 5xx storm’s busiest 10 s, and every write found in GHL once (issue 17).',
    how:
      'As “A team on one location” (same Sandbox, storm, writes and per-teammate extensions, ' +
      'alarms out of step), but each teammate’s links have the day’s tiers: ' +
      `${size.tiers.open} open in a tab all day, ${size.tiers.today} viewed today (viewed again ` +
      `before they turn 24 h old), ${size.tiers.month} in the last 30 days, the other ` +
      `${size.links - size.tiers.open - size.tiers.today - size.tiers.month} dormant, last views ` +
      'written into each cache as in “A simulated day of sync”. The day starts at linking, so it ' +
      'includes every first full sync. Each teammate writes on average every ' +
      `${WRITE_INTERVAL_MS / 60_000} minutes (Poisson) on the contacts of their open and today ` +
      `transcripts during the first ${span(size.workMs)} (working hours; none at night). ` +
      `${span(size.stormAtMs)} into the day every request fails for ${STORM_MS / 60_000} ` +
      `minutes (${100 - APPLIED_THEN_502 * 100}% refused with 503, ${APPLIED_THEN_502 * 100}% ` +
      'applied and answered 502). Converged: every write made by the storm’s end is in GHL ' +
      '(checked every 10 s). At the day’s end every outbox is checked and every write looked for.',
    tables: [
      {
        caption: 'GHL traffic of the whole team',
        columns: ['Phase', 'Simulated', 'Requests', 'Busiest 10 s', '429s', '5xx answered'],
        rows: [
          phaseRow('Before the storm (first syncs included)', size.stormAtMs, before),
          phaseRow(
            'The storm',
            STORM_MS,
            stormTraffic,
            count(storm.counts.refused503 + storm.counts.applied502),
          ),
          phaseRow('After the storm, to the day’s end', start + size.dayMs - stormEnd, after),
          ['The day', span(size.dayMs), count(dayRequests), count(busiest), count(tooMany), ''],
        ],
      },
      {
        caption: 'Writes',
        columns: [
          'Made',
          'Lost',
          'Duplicated',
          'Still queued or failed',
          'Refused at enqueue',
          'Converged after the storm',
        ],
        rows: [
          [
            count(writes.length),
            count(lost.length),
            count(duplicated.length),
            count(pending + failed),
            count(refused),
            convergedAt === undefined ? 'never' : span(convergedAt - stormEnd),
          ],
        ],
      },
    ],
    targets: [
      {
        goal: `Team day ≤ ${count(TEAM_DAY_MAX)} requests, first syncs included${at}`,
        actual: count(dayRequests),
        met: dayRequests <= TEAM_DAY_MAX,
      },
      {
        goal: `During the 2-minute storm ≤ ${BURST_MAX} requests in every 10 s window for the whole team${at}`,
        actual: `busiest window ${stormTraffic.maxInWindow}`,
        met: stormTraffic.maxInWindow <= BURST_MAX,
      },
      {
        goal: `Team day: 0 writes lost${at}`,
        actual: `${lost.length} lost of ${writes.length}`,
        met: lost.length === 0 && writes.length > 0,
      },
      {
        goal: `Team day: 0 duplicate writes${at}`,
        actual: `${duplicated.length} duplicated`,
        met: duplicated.length === 0,
      },
    ],
    notes: [`The run took ${span(wallMs)} of wall time.`],
  };
}

function isToday(transcriptId: string, tiers: DayTierSizes): boolean {
  const k = Number(transcriptId.slice(transcriptId.indexOf('-') + 1));
  return dayTierOf(k, tiers) === 'today';
}
