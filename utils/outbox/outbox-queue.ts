import type { Clock } from '../clock';
import type { OutboxJob, OutboxStatus } from '../db/cache-schema';
import type { CacheDbSource } from '../db/open-cache-db';
import { isQuotaError, QuotaError } from '../db/quota';
import type { CompletedJob, OutboxResult } from './operations/operation';

/**
 * The queue: the outbox's jobs as IndexedDB keeps them (what survives the worker stopping), and
 * which of them goes next.
 */

/**
 * A job as the outbox stores it. What it adds travels with the job in the same record (so it is
 * written and deleted atomically with it):
 * - `knownIds`: the ids of records that already looked like the one a create makes, seen in the
 *   cache when it was queued and again just before its first POST. Reconciling must never mistake
 *   one of them for the record this job created (outbox-reconcile.ts).
 * - `result` and `completed`, once GHL applied it (`applied`): what its follow-up effects need,
 *   so a worker stopped before they ran can run them when it starts again.
 * - `madeAt`: when the person made the write, when Retry moved it to the end of the queue
 *   (`createdAt` is its place in the queue).
 */
export interface StoredOutboxJob extends OutboxJob {
  knownIds?: string[];
  result?: OutboxResult;
  completed?: CompletedJob;
  madeAt?: number;
}

/** A job still on its way or held for a person: what summaries and lists show. */
export type PendingJob = StoredOutboxJob & { status: Exclude<OutboxStatus, 'applied'> };

/** Whether a job is still to be sent or decided on (not applied). */
export function isPending(job: StoredOutboxJob): job is PendingJob {
  return job.status !== 'applied';
}

/** Whether an error is the browser refusing to store more (raw, or as a {@link QuotaError}). */
export function isStorageFull(error: unknown): boolean {
  return error instanceof QuotaError || isQuotaError(error);
}

/** The browser refused to store a write (storage quota): the write was not kept. */
export class OutboxStorageError extends QuotaError {
  override readonly name = 'OutboxStorageError';
}

/** Rethrows a quota refusal as an {@link OutboxStorageError}, anything else unchanged. */
function storageFailure(error: unknown): never {
  throw isQuotaError(error) ? new OutboxStorageError(error) : error;
}

/**
 * The outbox's jobs in the cache database's `outbox` store. Every call is its own short
 * transaction: the worker can die at any await, and what is stored is all that survives.
 */
export function createOutboxStore(db: CacheDbSource) {
  const store = {
    /** Stores a new job; rejects (never silently drops) when the browser refuses. */
    async add(job: StoredOutboxJob): Promise<void> {
      await (await db.get()).add('outbox', job).catch(storageFailure);
    },
    async get(id: string): Promise<StoredOutboxJob | undefined> {
      return (await db.get()).get('outbox', id);
    },
    async put(job: StoredOutboxJob): Promise<void> {
      await (await db.get()).put('outbox', job).catch(storageFailure);
    },
    /**
     * Stores a job's new state only if the job is still stored, answering whether it was. A job
     * deleted while it was being worked on (Disconnect's "delete cached data, including changes
     * not yet sent") must stay deleted, not come back with its next state.
     */
    async replace(job: StoredOutboxJob): Promise<boolean> {
      return (await store.update(job.id, () => job)) !== undefined;
    },
    async delete(id: string): Promise<void> {
      await (await db.get()).delete('outbox', id);
    },
    /** Every job, oldest first: the order writes were made is the order they are sent. */
    async list(): Promise<StoredOutboxJob[]> {
      return (await db.get()).getAllFromIndex('outbox', 'by-created');
    },
    /**
     * Changes one job in a single transaction, so a change decided on what is stored (discard
     * only a failed job, resume only a waiting one) cannot race the sender. `change` returns the
     * new job, `null` to delete it, or `undefined` to leave it; the answer is the job as stored.
     */
    async update(
      id: string,
      change: (job: StoredOutboxJob) => StoredOutboxJob | null | undefined,
    ): Promise<StoredOutboxJob | undefined> {
      const tx = (await db.get()).transaction('outbox', 'readwrite');
      const work = (async () => {
        const job = await tx.store.get(id);
        const next = job && change(job);
        if (next) await tx.store.put(next);
        else if (next === null) await tx.store.delete(id);
        return { job, next };
      })();
      const [{ job, next }] = await Promise.all([work, tx.done]).catch(storageFailure);
      return next === null ? undefined : (next ?? job);
    },
  };
  return store;
}

/** See {@link createOutboxStore}. */
export type OutboxStore = ReturnType<typeof createOutboxStore>;

/*
 * Which job goes next. Jobs go in the order they were made, and a job waits while an earlier,
 * unfinished job about the same contact is still there: an earlier edit sent after a later one
 * would undo it. A failed job holds nothing (a person decides about it; Retry puts it at the end
 * of the queue), nor does an applied one (GHL has it; only its effects are left to run).
 */

/** What writes are ordered by: the contact they are about (a new contact has none yet). */
function orderKey(op: OutboxJob['operation']): string | undefined {
  return 'contactId' in op ? op.contactId : undefined;
}

/** The jobs that may be sent when they are due, oldest first, with those held back left out. */
export function sendableJobs(jobs: StoredOutboxJob[]): StoredOutboxJob[] {
  const busy = new Set<string>();
  const sendable: StoredOutboxJob[] = [];
  for (const job of jobs) {
    const key = orderKey(job.operation);
    const held = key !== undefined && busy.has(key);
    if (key !== undefined && job.status !== 'failed' && job.status !== 'applied') busy.add(key);
    if (!held && (job.status === 'queued' || job.status === 'sending')) sendable.push(job);
  }
  return sendable;
}

/** The oldest job that may be sent now. */
export function dueJob(jobs: StoredOutboxJob[], now: number): StoredOutboxJob | undefined {
  return sendableJobs(jobs).find((job) => job.nextAttemptAt <= now);
}

/** When the next job falls due, if any is waiting only for time. */
export function nextDueAt(jobs: StoredOutboxJob[]): number | undefined {
  const times = sendableJobs(jobs).map((job) => job.nextAttemptAt);
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * Places at the end of the queue, for a new job and for one a person retries: after every stored
 * job, strictly increasing, so two writes made in one millisecond keep their order.
 */
export function createQueueOrder(store: OutboxStore, clock: Clock) {
  let lastCreatedAt = 0;

  /** A place at the end of the queue: after every stored job, strictly increasing. */
  return async function nextOrder(): Promise<number> {
    const last = (await store.list()).at(-1)?.createdAt ?? 0;
    lastCreatedAt = Math.max(clock.now(), lastCreatedAt + 1, last + 1);
    return lastCreatedAt;
  };
}

/** The counts the popup shows. */
export interface OutboxSummary {
  /** Queued or being sent. */
  pending: number;
  /** Held until the person reconnects. */
  waiting: number;
  /** Stopped, needing Retry or Discard. */
  failed: number;
}

/** Counts jobs by what they wait for. */
export function summarize(jobs: StoredOutboxJob[]): OutboxSummary {
  const summary: OutboxSummary = { pending: 0, waiting: 0, failed: 0 };
  for (const job of jobs) {
    if (job.status === 'applied') continue;
    if (job.status === 'waiting') summary.waiting += 1;
    else if (job.status === 'failed') summary.failed += 1;
    else summary.pending += 1;
  }
  return summary;
}
