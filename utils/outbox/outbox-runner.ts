import type { ConnectionService } from '../auth/connection-service';
import type { Clock } from '../clock';
import type { CacheDbSource } from '../db/open-cache-db';
import { createAfterError } from './outbox-after-error';
import { createAppliedJobs } from './outbox-applied';
import { createAttempt } from './outbox-attempt';
import type { CompletedJob } from './outbox-cache';
import { createHeldJobs } from './outbox-held-jobs';
import { dueJob } from './outbox-queue';
import type { OutboxResult } from './outbox-send';
import type { OutboxStore, StoredOutboxJob } from './outbox-store';

/** What the outbox needs of the connection service. */
export type OutboxConnection = Pick<ConnectionService, 'client' | 'status' | 'onChange'>;

/** What {@link createOutboxRunner} is built from. */
export interface OutboxRunnerDeps {
  db: CacheDbSource;
  store: OutboxStore;
  connection: OutboxConnection;
  clock: Clock;
  random: () => number;
  /** Aborts calls in flight when the outbox is closed. */
  signal: AbortSignal;
  /** A job changed state (the caller publishes the new counts). */
  changed(): Promise<void>;
  /** What follows a write GHL applied; awaited, and never rejects. */
  applied(job: StoredOutboxJob, result: OutboxResult, completed: CompletedJob): Promise<void>;
  failed(job: StoredOutboxJob): void;
  /** A problem the person must be told of, in words (the storage quota). */
  problem(message: string): void;
}

/**
 * Sends due jobs, one at a time, oldest first, until none is due: what one run of the outbox
 * does (the caller holds the lock that keeps it to one run per extension). Every state change is
 * stored before the next step, so a worker stopped at any await resumes where it was: a create
 * marked `sentAt` is looked for in GHL before it is sent again, and a job left `applied` has its
 * effects run. A job deleted meanwhile (with the cached data) is never stored again, nor sent.
 */
export function createOutboxRunner(deps: OutboxRunnerDeps) {
  const { store, connection, clock, signal } = deps;
  const appliedJobs = createAppliedJobs(deps);
  const heldJobs = createHeldJobs(deps);
  const afterError = createAfterError({ ...deps, appliedJobs, heldJobs });
  const attempt = createAttempt({ ...deps, appliedJobs, heldJobs, afterError });

  async function drain(): Promise<void> {
    await appliedJobs.finishLeftOver();
    // A job is resumed at most once per run: if the connection says "connected" but still
    // refuses, the job waits for the next change instead of spinning.
    const resumed = new Set<string>();
    for (;;) {
      if (signal.aborted) return;
      const status = await connection.status();
      const jobs = await store.list();
      const held = await heldJobs.holdUnsendable(jobs, status);
      if ((await heldJobs.resumeWaiting(jobs, status, resumed)) || held) await deps.changed();
      const job = dueJob(jobs, clock.now());
      if (!job) return;
      await attempt(job, status);
    }
  }

  return { drain };
}
