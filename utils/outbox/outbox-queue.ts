import type { Clock } from '../clock';
import type { OutboxOperation } from './outbox-operations';
import type { OutboxStore, StoredOutboxJob } from './outbox-store';

/**
 * Which job goes next. Jobs go in the order they were made, and a job waits while an earlier,
 * unfinished job about the same contact is still there: an earlier edit sent after a later one
 * would undo it. A failed job holds nothing (a person decides about it; Retry puts it at the end
 * of the queue), nor does an applied one (GHL has it; only its effects are left to run).
 */

/** What writes are ordered by: the contact they are about (a new contact has none yet). */
function orderKey(op: OutboxOperation): string | undefined {
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
