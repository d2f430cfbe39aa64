import type { SyncRun } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { ListOddities } from './contact-reads';
import { QUOTA_PAUSED_KIND } from './sync-errors';

/**
 * The history of sync runs in the `runs` store: every run is written when it starts and again
 * when it ends, so a run the browser cut short still shows (without an end) in the history.
 */

/** Runs kept; older ones are removed as new ones start. */
export const RUNS_KEPT = 200;

/** A run starting now, with nothing done yet. */
export function newRun(startedAt: number, trigger: SyncRun['trigger']): SyncRun {
  return { startedAt, trigger, requests: 0, contactsChecked: 0, changes: 0, errors: [] };
}

/**
 * A run that did nothing because another one holds the lock or lease, nothing is connected or
 * nothing was due.
 */
export function skippedRun(run: SyncRun): SyncRun {
  return { ...run, endedAt: run.startedAt, outcome: 'skipped' };
}

/** Records the start of a run and drops the oldest beyond {@link RUNS_KEPT}; returns its id. */
export async function startRun(
  db: CacheDatabase,
  run: Pick<SyncRun, 'startedAt' | 'trigger'>,
): Promise<number> {
  const tx = db.transaction('runs', 'readwrite');
  const id = await tx.store.add(newRun(run.startedAt, run.trigger));
  let excess = (await tx.store.count()) - RUNS_KEPT;
  for (let cursor = await tx.store.index('by-start').openCursor(); cursor && excess > 0;) {
    await cursor.delete();
    excess -= 1;
    cursor = await cursor.continue();
  }
  await tx.done;
  return id;
}

/** Stores how a run ended. */
export async function finishRun(db: CacheDatabase, id: number, run: SyncRun): Promise<void> {
  await db.put('runs', { ...run, id });
}

/** The most recent run that ended, if any. */
export async function lastFinishedRun(db: CacheDatabase): Promise<SyncRun | undefined> {
  const index = db.transaction('runs').store.index('by-start');
  for (
    let cursor = await index.openCursor(null, 'prev');
    cursor;
    cursor = await cursor.continue()
  ) {
    if (cursor.value.endedAt !== undefined) return cursor.value;
  }
  return undefined;
}

/** Every kept run, newest first (for the history view and tests). */
export async function listRuns(db: CacheDatabase): Promise<SyncRun[]> {
  return (await db.getAllFromIndex('runs', 'by-start')).reverse();
}

/**
 * The outcome of a run: no errors, some contacts checked despite errors, or none checked. A run
 * the daily-quota pause stopped did not fail: what it checked is ok, and if nothing, it skipped.
 */
export function runOutcome(run: Pick<SyncRun, 'errors' | 'contactsChecked'>): SyncRun['outcome'] {
  if (run.errors.length === 0) return 'ok';
  if (run.errors.every((e) => e.kind === QUOTA_PAUSED_KIND)) {
    return run.contactsChecked > 0 ? 'ok' : 'skipped';
  }
  return run.contactsChecked > 0 ? 'partial' : 'failed';
}

/**
 * Adds a list's odd records to the run's report: their count, and the first of the run in words
 * ("A task of contact c1 (t2) was read without field dueDate: …"), for the popup and support.
 */
export function noteOddRecords(run: SyncRun, { list, contactId, records }: ListOddities): void {
  const [first] = records;
  if (!first) return;
  const what = `${ODD_RECORD_NAMES[list]} of contact ${contactId}${first.id ? ` (${first.id})` : ''}`;
  const how =
    first.outcome === 'kept'
      ? `was read without ${first.reason}`
      : `was left out, as it could not be read (${first.reason})`;
  run.oddRecords = {
    count: (run.oddRecords?.count ?? 0) + records.length,
    first: run.oddRecords?.first ?? `${what} ${how}.`,
  };
}

const ODD_RECORD_NAMES: Record<ListOddities['list'], string> = {
  tasks: 'A task',
  notes: 'A note',
  appointments: 'An appointment',
};
