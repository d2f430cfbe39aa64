import type { SyncRun } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import { liveLease } from './sync-lease';
import { loadSyncPlan, type SyncPlanOptions } from './sync-plan';
import { lastFinishedRun } from './sync-runs';
import type { SyncStatus } from '../storage/sync-status';
import { META_KEYS } from '../db/meta-keys';
import type { TeamPace } from './team-budget';

/** The `meta` key of a problem that stops the cache from working (e.g. the storage quota). */
export const SYNC_PROBLEM_KEY = META_KEYS.syncProblem;

/** Stores the problem to show (or clears it with undefined). */
export async function saveSyncProblem(db: CacheDatabase, problem: string | undefined) {
  if (problem === undefined) await db.delete('meta', SYNC_PROBLEM_KEY);
  else await db.put('meta', problem, SYNC_PROBLEM_KEY);
}

/** What the status is read for: the plan's inputs and the outbox's counts. */
export interface SyncStatusOptions extends SyncPlanOptions {
  outbox: SyncStatus['outbox'];
  /** The team's pace, when the budget was cut for it (team-budget.ts). */
  team?: TeamPace;
}

/**
 * The sync status the popup shows, read from the cache alone: the last run, when the next is due
 * (from the freshness tiers), first-sync progress, whether a live run holds the lease (see
 * liveLease), contacts whose last sync failed, and the stored problem.
 */
export async function readSyncStatus(
  db: CacheDatabase,
  options: SyncStatusOptions,
): Promise<SyncStatus> {
  const { now } = options;
  const plan = await loadSyncPlan(db, options);
  const last = await lastFinishedRun(db);
  const running = (await liveLease(db, now)) !== undefined;
  const problem = await db.get('meta', SYNC_PROBLEM_KEY);
  const nextDue =
    plan.due.length > 0
      ? now
      : plan.nextDueAt === undefined
        ? undefined
        : Math.max(now, plan.nextDueAt - (options.graceMs ?? 0));
  return {
    running,
    lastRun: last && runSummary(last),
    nextRunAt: nextDue,
    firstSync: plan.firstSync,
    failing: plan.failing > 0 ? plan.failing : undefined,
    outbox: options.outbox,
    problem: typeof problem === 'string' ? problem : undefined,
    ...(plan.fitted &&
      (plan.fitted.stretch > 1 || plan.fitted.openStretch > 1) &&
      options.requestsPerDay !== undefined && {
        budget: {
          requestsPerDay: options.requestsPerDay,
          stretch: plan.fitted.stretch,
          ...(plan.fitted.openStretch > 1 && { openStretch: plan.fitted.openStretch }),
          ...(options.team && { team: options.team }),
        },
      }),
  };
}

/** A finished run as the popup shows it. */
export function runSummary(run: SyncRun): NonNullable<SyncStatus['lastRun']> {
  return {
    startedAt: run.startedAt,
    endedAt: run.endedAt ?? run.startedAt,
    outcome: run.outcome ?? 'failed',
    requests: run.requests,
    contactsChecked: run.contactsChecked,
    changes: run.changes,
    errors: run.errors.length,
    firstError: run.errors[0]?.message,
    // Only when there were any: a summary of a run where every record fit stays as it was.
    ...(run.oddRecords && {
      oddRecords: run.oddRecords.count,
      firstOddRecord: run.oddRecords.first,
    }),
  };
}
