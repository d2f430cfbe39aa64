import type { Clock } from '../clock';
import type { CacheDbSource } from '../db/open-cache-db';
import { completeJob, type CompletedJob } from './outbox-cache';
import type { OutboxResult } from './outbox-send';
import type { OutboxStore, StoredOutboxJob } from './outbox-store';

/** What {@link createAppliedJobs} needs of the runner's dependencies. */
export interface AppliedJobsDeps {
  db: CacheDbSource;
  store: OutboxStore;
  clock: Clock;
  signal: AbortSignal;
  changed(): Promise<void>;
  /** What follows a write GHL applied; never rejects. */
  applied(job: StoredOutboxJob, result: OutboxResult, completed: CompletedJob): Promise<void>;
}

/**
 * The end of a job GHL applied, in three steps that each survive the worker stopping after
 * them: the job is marked `applied` with the answer cached (one transaction, completeJob), its
 * effects run (timeline, link, unlink), and the job is deleted. A worker stopped between the
 * first and the last leaves the job applied: the next run runs its effects, so they may run twice
 * for a job whose effects had started (see entrypoints/background/outbox-effects.ts).
 */
export function createAppliedJobs(deps: AppliedJobsDeps) {
  const { store } = deps;

  /**
   * Runs what follows an applied job, then deletes it: once, even if the effects fail (they are
   * logged by the outbox), so a bad effect cannot wedge the queue.
   */
  async function runEffects(job: StoredOutboxJob, result: OutboxResult, completed: CompletedJob) {
    try {
      await deps.applied(job, result, completed);
    } finally {
      await store.delete(job.id);
    }
  }

  return {
    /** Ends a job GHL answered. Rejects only when nothing was committed (the job stays as is). */
    async finish(job: StoredOutboxJob, result: OutboxResult): Promise<void> {
      const db = await deps.db.get();
      const completed = await completeJob(db, job, result, deps.clock.now());
      // Committed: nothing after this may count as the write failing (and send it again). A job
      // whose deletion failed stays applied; the next run finishes it.
      try {
        await deps.changed();
        await runEffects(job, result, completed);
      } catch (error) {
        console.warn('GHL for Trint: an applied write was not cleared:', (error as Error)?.name);
      }
    },

    /** Runs the effects of the jobs a stopped worker left applied, and deletes them. */
    async finishLeftOver(): Promise<void> {
      for (const job of await store.list()) {
        if (deps.signal.aborted) return;
        if (job.status !== 'applied') continue;
        if (job.result) await runEffects(job, job.result, job.completed ?? {});
        else await store.delete(job.id);
      }
    },
  };
}

/** See {@link createAppliedJobs}. */
export type AppliedJobs = ReturnType<typeof createAppliedJobs>;
