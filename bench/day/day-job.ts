// One job of the day benchmark, in a worker thread: the engine's day at one size, or the naive
// poller's measured hour at that size (its day is that hour times 24: it has no tiers and no
// state, so every hour of its day costs the same).
import '../support/extension-env';
import { parentPort, workerData } from 'node:worker_threads';
import { seedSandboxData } from '../../sandbox/seed-data';
import { runNaive } from '../sync/naive-poller';
import type { SyncScenario } from '../sync/scenario';
import { runInWorker } from '../support/worker-thread';
import { runDay, type DayResult } from './day-run';
import { dayScenario, type DayScenario } from './day-scenario';
import { dormantOpenTimes, type DayTierSizes } from './day-tiers';

/** What a job runs. */
export interface DayJob {
  kind: 'day-job';
  who: 'ours' | 'naive';
  n: number;
  dayMs: number;
  drainMs: number;
  firstSyncMaxMs: number;
  opens: number;
  sizes?: DayTierSizes;
  /** The naive poller's measured stretch (an hour; shorter in smoke runs). */
  naiveMs: number;
}

export type NaiveHour = Awaited<ReturnType<typeof runNaive>>;
export type DayJobResult = { who: 'ours'; day: DayResult } | { who: 'naive'; hour: NaiveHour };

/** The day's scenario for a job. */
export function scenarioOf(job: DayJob): DayScenario {
  const ids = [...seedSandboxData({ contacts: job.n, now: Date.now() }).contacts.keys()];
  return dayScenario(ids, job.n, {
    dayMs: job.dayMs,
    drainMs: job.drainMs,
    firstSyncMaxMs: job.firstSyncMaxMs,
    openTimes: dormantOpenTimes(job.dayMs, job.opens),
    sizes: job.sizes,
  });
}

/**
 * The same links for the naive poller, whose edit stream has the hour benchmark's three tiers:
 * today is its "recent", the last 30 days and the dormant are its "rest".
 */
function naiveScenario(day: DayScenario, hourMs: number): SyncScenario {
  const tierOf = (tier: string) =>
    tier === 'open' ? 'open' : tier === 'today' ? 'recent' : 'rest';
  const transcripts = day.transcripts.map((t) => ({ ...t, tier: tierOf(t.tier) }) as const);
  return {
    n: day.n,
    contacts: day.n,
    transcripts,
    byTier: {
      open: day.byTier.open,
      recent: day.byTier.today,
      rest: [...day.byTier.month, ...day.byTier.dormant],
    },
    hourMs,
    drainMs: 0,
    latencyMs: day.latencyMs,
  };
}

/** Runs a job in this thread. */
export async function runDayJob(job: DayJob, log: (line: string) => void): Promise<DayJobResult> {
  const scenario = scenarioOf(job);
  if (job.who === 'ours') return { who: 'ours', day: await runDay(scenario, log) };
  const started = performance.now();
  const hour = await runNaive(naiveScenario(scenario, job.naiveMs));
  log(`N=${job.n} naive poller: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { who: 'naive', hour };
}

/** Runs a job in a worker thread (this module). */
export const runDayJobInWorker = (job: DayJob, log: (line: string) => void) =>
  runInWorker<DayJobResult>(import.meta.url, job, log);

if (parentPort && (workerData as DayJob | undefined)?.kind === 'day-job') {
  const port = parentPort;
  const result = await runDayJob(workerData as DayJob, (line) => port.postMessage({ log: line }));
  port.postMessage({ result });
}
