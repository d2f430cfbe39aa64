import type { CompletedJob } from './outbox-cache';
import type { Clock } from '../clock';
import type { OutboxJob } from '../db/cache-schema';
import type { CacheDbSource } from '../db/open-cache-db';
import { createEnqueue } from './outbox-new-job';
import type { OutboxJobView } from './outbox-operations';
import { createOutboxProcess } from './outbox-process';
import { createQueueOrder, summarize, type OutboxSummary } from './outbox-queue';
import { createRetryDiscard } from './outbox-retry-discard';
import { createOutboxRunner, type OutboxConnection } from './outbox-runner';
import type { OutboxResult } from './outbox-send';
import { createOutboxStore, isPending } from './outbox-store';
import { jobView, namesFor } from './outbox-summary';

/** What the outbox is built from; tests pass fakes and a fake clock. */
export interface OutboxDeps {
  db: CacheDbSource;
  connection: OutboxConnection;
  clock: Clock;
  /** A new job id (default: a random UUID). */
  newId?: () => string;
  /** Jitter of the backoff (default: Math.random). */
  random?: () => number;
  /** The counts changed (publish them for the popup; reschedule the alarm). */
  onChange?: (summary: OutboxSummary) => void;
  /** A write stopped for good: called once each time a job becomes `failed`. */
  onPermanentFailure?: (job: OutboxJob) => void;
  /**
   * GHL has a write (the cache already shows it): e.g. for the transcript's timeline. `completed`
   * says what the cache held before, since the cache no longer does. Awaited before the job is
   * deleted; run again at the next start if the worker stopped first, so it may run twice for one
   * job (it should be safe to). A failure is logged, and the job deleted all the same.
   */
  onApplied?: (
    job: OutboxJob,
    result: OutboxResult,
    completed: CompletedJob,
  ) => Promise<void> | void;
  /** Something the person must be told (the browser's storage quota), in words. */
  onProblem?: (message: string) => void;
}

/**
 * The outbox: every write a person makes is stored in IndexedDB first, then sent to GHL, retried
 * with backoff, held while the connection needs reconnecting, and kept as `failed` (with the
 * reason) when GHL refuses it for good, until a person retries or discards it. Nothing is dropped
 * silently. The background calls `process()` at start and when OUTBOX_ALARM fires
 * (outbox-alarm.ts); while alive, the outbox also wakes itself (outbox-process.ts).
 */
export function createOutbox(deps: OutboxDeps) {
  const { clock, connection } = deps;
  const store = createOutboxStore(deps.db);
  const stopper = new AbortController();
  const problem = (message: string) => safely(() => deps.onProblem?.(message));

  const runner = createOutboxRunner({
    db: deps.db,
    store,
    connection,
    clock,
    random: deps.random ?? Math.random,
    signal: stopper.signal,
    changed,
    applied: async (job, result, completed) => {
      try {
        await deps.onApplied?.(job, result, completed);
      } catch (error) {
        console.warn('GHL for Trint: what follows a write failed:', (error as Error)?.name);
      }
    },
    failed: (job) => safely(() => deps.onPermanentFailure?.(job)),
    problem,
  });
  const runs = createOutboxProcess({
    store,
    clock,
    signal: stopper.signal,
    drain: runner.drain,
    problem,
  });
  const { process, nextWakeAt } = runs;
  const nextOrder = createQueueOrder(store, clock);
  const enqueue = createEnqueue({
    db: deps.db,
    store,
    connection,
    clock,
    newId: deps.newId ?? (() => crypto.randomUUID()),
    nextOrder,
    changed,
    process,
  });
  const { retry, discard } = createRetryDiscard({
    store,
    clock,
    nextOrder,
    changed,
    process,
    list,
  });

  async function changed() {
    if (!deps.onChange) return;
    const summary = summarize(await store.list());
    safely(() => deps.onChange?.(summary));
  }

  /** The jobs a person sees: on their way, waiting or failed (not those GHL already applied). */
  async function list(): Promise<OutboxJobView[]> {
    const jobs = (await store.list()).filter(isPending);
    const names = await namesFor(await deps.db.get(), jobs);
    return jobs.map((job) => jobView(job, names.get(job.id)));
  }

  const unsubscribe = connection.onChange((status) => {
    if (status.state === 'connected') void process();
  });

  return {
    /** Stores a person's write and starts sending it (outbox-new-job.ts). */
    enqueue,
    process,
    nextWakeAt,
    list,
    /** A person's Retry and Discard of a stopped job (outbox-retry-discard.ts). */
    retry,
    discard,

    /** The counts the popup shows. */
    async summary(): Promise<OutboxSummary> {
      return summarize(await store.list());
    },

    /** Stops sending in this context: calls in flight are abandoned, timers and listeners end. */
    async close(): Promise<void> {
      stopper.abort(new DOMException('The outbox was closed.', 'AbortError'));
      const running = runs.stop();
      unsubscribe();
      await running;
    },
  };
}

/** See {@link createOutbox}. */
export type Outbox = ReturnType<typeof createOutbox>;

/** Runs a caller's callback; its failure must not stop the outbox. */
function safely(callback: () => void) {
  try {
    callback();
  } catch (error) {
    console.warn('GHL for Trint: an outbox listener failed:', (error as Error)?.name);
  }
}
