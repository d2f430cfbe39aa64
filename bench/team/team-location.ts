// Benchmark 3 of issue 8: a team on one location. Twenty teammates' extensions (each its own
// sync engine, outbox and fake-indexeddb database, 200 linked transcripts and a steady flow of
// writes) share one Sandbox location and its 100-per-10-s bucket for a simulated hour, then GHL
// answers 5xx for two minutes. Every write is then looked for in GHL: none may be missing, none
// may be there twice.
import '../support/extension-env';
import { createSandbox } from '../../sandbox/sandbox-handler';
import { createSandboxFetch } from '../../sandbox/sandbox-fetch';
import { createSeededRandom } from '../../sandbox/seeded-random';
import { SYNC_ALARM_PERIOD_MINUTES } from '../../utils/sync/sync-alarm';
import type { Benchmark } from '../bench-report';
import { count, duration } from '../stats';
import { benchExtension, type BenchExtension } from '../support/bench-extension';
import { asExtension, installScopedLocks } from '../support/scoped-locks';
import { createFakeClock } from '../../test/support/fake-clock';
import { createTrafficRecorder } from '../support/traffic';
import { APPLIED_THEN_502, stormFetch } from './storm-fetch';
import { checkWrites, teamWrite, type TeamWrite } from './team-writes';

const ALARM_MS = SYNC_ALARM_PERIOD_MINUTES * 60_000;
const STORM_MS = 2 * 60_000;
const WRITE_INTERVAL_MS = 2 * 60_000;
const RECENT_PER_TEAMMATE = 5;
const LATENCY_MS = 100;

export const teamLocation: Benchmark = async ({ smoke, log }) => {
  const size = smoke
    ? { teammates: 3, links: 20, contacts: 60, hourMs: 5 * 60_000, capMs: 30 * 60_000 }
    : { teammates: 20, links: 200, contacts: 2000, hourMs: 3_600_000, capMs: 60 * 60_000 };
  const uninstall = installScopedLocks();
  try {
    return await runTeam(size, log);
  } finally {
    uninstall();
  }
};

async function runTeam(
  size: { teammates: number; links: number; contacts: number; hourMs: number; capMs: number },
  log: (line: string) => void,
) {
  const sim = createFakeClock({ settle: 'idle' });
  const random = createSeededRandom(3);
  const traffic = createTrafficRecorder(sim.now);
  const sandbox = createSandbox({
    clock: sim.clock,
    contacts: size.contacts,
  });
  sandbox.state.faults.arm({ latencyMs: LATENCY_MS });
  const storm = stormFetch(createSandboxFetch(sandbox), sim.clock, LATENCY_MS);
  const fetch = traffic.observe(storm.fetch);
  const allContacts = [...sandbox.state.data.contacts.keys()];

  // Each teammate links their own pick of the location's contacts (teammates overlap, as teams
  // share clients); one transcript is open in a tab, a few were viewed today.
  const team: { ext: BenchExtension; worksOn: string[] }[] = [];
  for (let i = 0; i < size.teammates; i += 1) {
    const name = `teammate-${i}`;
    const ext = await sim.run(
      asExtension(name, () => benchExtension({ fetch, clock: sim.clock, name })),
    );
    const contacts = pickDistinct(allContacts, size.links, random);
    for (let k = 0; k < contacts.length; k += 1) {
      await sim.run(asExtension(name, () => ext.link(`t${i}-${k}`, contacts[k]!)));
    }
    for (let k = 1; k <= RECENT_PER_TEAMMATE; k += 1) {
      await sim.run(asExtension(name, () => ext.transcripts.markViewed(`t${i}-${k}`)));
    }
    ext.open.add(`t${i}-0`);
    team.push({ ext, worksOn: contacts.slice(0, RECENT_PER_TEAMMATE + 1) });
  }
  log(`${size.teammates} teammates linked ${size.links} transcripts each`);

  // Each extension's alarm every 30 s (teammates' alarms are not in step), and each teammate's
  // writes, a Poisson stream, until the storm ends.
  let stopped = false;
  let writing = true;
  const writes: TeamWrite[] = [];
  let refused = 0;
  const start = sim.now();
  team.forEach(({ ext, worksOn }, i) => {
    asExtension(ext.name, () => {
      let running: Promise<unknown> | undefined;
      void (async () => {
        await sim.clock.sleep((i * ALARM_MS) / size.teammates);
        while (!stopped) {
          running ??= ext.engine.run('alarm').finally(() => (running = undefined));
          await sim.clock.sleep(ALARM_MS);
        }
      })();
      void (async () => {
        for (let seq = 0; ; seq += 1) {
          await sim.clock.sleep(-Math.log(1 - random.next()) * WRITE_INTERVAL_MS);
          if (!writing) return;
          const made = teamWrite(i, seq, random.pick(worksOn), random, sim.now());
          try {
            await ext.outbox!.enqueue(made.operation);
            writes.push({ ...made.write, at: sim.now() });
          } catch {
            refused += 1;
          }
        }
      })();
    });
  });

  await sim.advanceTo(start + size.hourMs);
  const hour = traffic.summary();
  log(`hour: ${hour.requests} requests, ${hour.tooMany} × 429, ${writes.length} writes`);
  traffic.reset();
  storm.start(STORM_MS);
  const stormStart = sim.now();
  await sim.advanceTo(stormStart + STORM_MS);
  writing = false;
  const stormTraffic = traffic.summary();
  traffic.reset();

  // One at a time: the simulated clock is driven by one caller at once.
  const outboxSummaries = async () => {
    const summaries = [];
    for (const { ext } of team) summaries.push(await sim.run(ext.outbox!.summary()));
    return summaries;
  };

  // After the storm: until every outbox is empty and GHL holds every write, checked every 10 s.
  const stormEnd = sim.now();
  let convergedAt: number | undefined;
  while (sim.now() - stormEnd < size.capMs) {
    const summaries = await outboxSummaries();
    const pending = summaries.reduce((sum, s) => sum + s.pending + s.waiting, 0);
    if (pending === 0 && checkWrites(writes, sandbox.state.data).lost.length === 0) {
      convergedAt = sim.now();
      break;
    }
    await sim.advanceTo(sim.now() + 10_000);
  }
  const after = traffic.summary();
  stopped = true;
  const summaries = await outboxSummaries();
  const failed = summaries.reduce((sum, s) => sum + s.failed, 0);
  const { lost, duplicated } = checkWrites(writes, sandbox.state.data);
  for (const { ext } of team) await sim.run(ext.outbox!.close());
  log(
    `converged ${convergedAt === undefined ? 'never' : duration(convergedAt - stormEnd)} after the storm`,
  );

  const byKind = (kind: TeamWrite['kind']) => writes.filter((w) => w.kind === kind).length;
  const converge =
    convergedAt === undefined
      ? `not within ${duration(size.capMs)}`
      : duration(convergedAt - stormEnd);
  const phaseRow = (name: string, ms: number, t: typeof hour, extra = '') => [
    name,
    duration(ms),
    count(t.requests),
    count(t.maxInWindow),
    count(t.tooMany),
    extra || count(t.serverErrors),
  ];
  return {
    id: 'team-location',
    title: 'A team on one location',
    what:
      `${size.teammates} teammates' extensions, each with ${size.links} linked transcripts and a ` +
      'steady flow of writes, share one GHL location (one 100-per-10-s bucket) for a simulated ' +
      'hour, then GHL answers 5xx for two minutes: 429s, writes lost, writes duplicated, and the ' +
      'time until every write is in GHL after the storm.',
    how:
      'One simulated clock; one Sandbox location (100 ms answers) holding ' +
      `${count(size.contacts)} contacts; per teammate the real sync engine, outbox, GHL client and ` +
      'rate limiter on its own fake-indexeddb database (each extension with its own Web Locks), ' +
      `${size.links} transcripts linked to a seeded pick of the location's contacts (teammates ` +
      `overlap), one open in a tab and ${RECENT_PER_TEAMMATE} viewed today, its alarm every 30 s ` +
      '(teammates out of step). The hour starts at linking, so it includes every first full sync. ' +
      'Each teammate makes a write on average every ' +
      `${WRITE_INTERVAL_MS / 60_000} minutes (Poisson) on the contacts they work on: a task, a ` +
      'note, a tag, or a new contact (by a phone typed as people do, which GHL stores in E.164, or ' +
      "by email; the Sandbox's search lags 3 s behind, as GHL's), each with a marker of its own, " +
      'through outbox.enqueue as the panel does. ' +
      `Then for ${STORM_MS / 60_000} minutes every request fails: ` +
      `${100 - APPLIED_THEN_502 * 100}% are refused with 503, ${APPLIED_THEN_502 * 100}% are ` +
      'applied by GHL and answered 502 (the answer is lost); writes go on during the storm. ' +
      'Afterwards the run goes on until every outbox is empty and GHL holds every write (checked ' +
      `every 10 s, for at most ${duration(size.capMs)}). Lost: a write GHL does not hold; ` +
      'duplicated: a task, note or contact GHL holds more than once (tags are a set).',
    tables: [
      {
        caption: 'GHL traffic of the whole team',
        columns: ['Phase', 'Simulated', 'Requests', 'Busiest 10 s', '429s', '5xx answered'],
        rows: [
          phaseRow('The hour', size.hourMs, hour),
          phaseRow(
            'The storm',
            STORM_MS,
            stormTraffic,
            count(storm.counts.refused503 + storm.counts.applied502),
          ),
          phaseRow('After the storm', sim.now() - stormEnd, after),
        ],
      },
      {
        caption: 'Writes',
        columns: [
          'Made',
          'Tasks / notes / tags / contacts',
          'Lost',
          'Duplicated',
          'Failed (kept for Retry)',
          'Refused at enqueue',
          'Converged after the storm',
        ],
        rows: [
          [
            count(writes.length),
            `${byKind('task.create')} / ${byKind('note.create')} / ${byKind('tags.add')} / ${byKind('contact.create')}`,
            count(lost.length),
            count(duplicated.length),
            count(failed),
            count(refused),
            converge,
          ],
        ],
      },
    ],
    targets: [
      {
        goal: 'Team: 0 writes lost',
        actual: `${lost.length} lost of ${writes.length}`,
        met: lost.length === 0 && writes.length > 0,
      },
      {
        goal: 'Team: 0 duplicate writes',
        actual: `${duplicated.length} duplicated`,
        met: duplicated.length === 0,
      },
    ],
    notes: [
      `429s over the hour, the storm and after: ${hour.tooMany + stormTraffic.tooMany + after.tooMany} (no target; reported).`,
    ],
  };
}

/** `n` distinct items of `items`, picked by `random` (a partial Fisher-Yates shuffle). */
export function pickDistinct<T>(items: readonly T[], n: number, random: { next(): number }): T[] {
  const copy = [...items];
  for (let i = 0; i < n && i < copy.length; i += 1) {
    const j = i + Math.floor(random.next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}
