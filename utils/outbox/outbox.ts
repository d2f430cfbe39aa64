import type { CompletedJob } from './outbox-cache';
import { withExclusiveLock } from '../auth/exclusive-lock';
import type { Clock } from '../clock';
import type { OutboxJob } from '../db/cache-schema';
import type { CacheDbSource } from '../db/open-cache-db';
import { QUOTA_MESSAGE } from '../db/quota';
import { GhlError } from '../ghl/ghl-error';
import { newJob } from './outbox-new-job';
import type { OutboxJobView, OutboxOperation } from './outbox-operations';
import { nextDueAt, summarize, type OutboxSummary } from './outbox-queue';
import { reconcilable } from './outbox-reconcile';
import { createOutboxRunner, type OutboxConnection } from './outbox-runner';
import type { OutboxResult } from './outbox-send';
import { createOutboxStore, isPending, isStorageFull } from './outbox-store';
import { jobView, namesFor } from './outbox-summary';
import { validateOperation } from './outbox-validation';

/** The Web Lock that keeps sending to one loop across the extension's contexts. */
export const OUTBOX_LOCK = 'ghl-outbox';

/** The shortest in-memory wake-up: a due job is never polled for in a tight loop. */
const MIN_WAKE_MS = 1_000;

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
 * (outbox-alarm.ts); while alive, the outbox also wakes itself.
 */
export function createOutbox(deps: OutboxDeps) {
  const { clock, connection } = deps;
  const store = createOutboxStore(deps.db);
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const stopper = new AbortController();
  let running: Promise<void> | undefined;
  let again = false;
  let wake: AbortController | undefined;
  let lastCreatedAt = 0;

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
    problem: (message) => safely(() => deps.onProblem?.(message)),
  });

  async function changed() {
    if (!deps.onChange) return;
    const summary = summarize(await store.list());
    safely(() => deps.onChange?.(summary));
  }

  /** Sets the in-memory wake-up for the next due job (the alarm is the durable backup). */
  async function scheduleWake(at: number | undefined) {
    wake?.abort();
    wake = undefined;
    if (at === undefined || stopper.signal.aborted) return;
    const controller = (wake = new AbortController());
    clock.sleep(Math.max(MIN_WAKE_MS, at - clock.now()), controller.signal).then(
      () => {
        if (wake === controller) void process();
      },
      () => {},
    );
  }

  /**
   * Sends every due job, oldest first. One run at a time per context, and one across contexts
   * (a Web Lock), so no two can send the same job. Never rejects: what fails stays stored.
   */
  function process(): Promise<void> {
    if (stopper.signal.aborted) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let wakeAt: number | undefined;
      try {
        // A call that arrives during a run asks for another: its job may have been stored after
        // this run last looked. The check and `running = undefined` run without an await between.
        do {
          again = false;
          await withExclusiveLock(OUTBOX_LOCK, runner.drain);
          wakeAt = await nextWakeAt();
        } while (again && !stopper.signal.aborted);
      } catch (error) {
        // The jobs are as last stored; try again in a minute rather than never.
        console.warn('GHL for Trint: the outbox stopped a run:', (error as Error)?.name);
        if (isStorageFull(error)) safely(() => deps.onProblem?.(QUOTA_MESSAGE));
        wakeAt = clock.now() + 60_000;
      } finally {
        running = undefined;
      }
      await scheduleWake(wakeAt);
    })();
    return running;
  }

  /** When the next queued job falls due (for the alarm), if any waits only for time. */
  async function nextWakeAt(): Promise<number | undefined> {
    return nextDueAt(await store.list());
  }

  /** A place at the end of the queue: after every stored job, strictly increasing. */
  async function nextOrder(): Promise<number> {
    const last = (await store.list()).at(-1)?.createdAt ?? 0;
    lastCreatedAt = Math.max(clock.now(), lastCreatedAt + 1, last + 1);
    return lastCreatedAt;
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
    /**
     * Validates a write, stores it durably, and starts sending it (without waiting for GHL).
     * Rejects, storing nothing, when the write is invalid (GhlError 'validation', naming the
     * field), when there is no connection to send it to, or when the browser refused to store it
     * ({@link OutboxStorageError}).
     */
    async enqueue(
      operation: OutboxOperation,
      options: { transcriptId?: string } = {},
    ): Promise<OutboxJobView> {
      const status = await connection.status();
      if (status.state === 'not-connected') {
        throw new GhlError('reconnect-needed', 'outbox', {
          detail: 'Not connected to GHL: connect to a location first. The change was not saved.',
        });
      }
      const op = validateOperation(operation, { locationId: status.locationId });
      const db = await deps.db.get();
      const job = await newJob(db, op, {
        id: newId(),
        // Strictly increasing, so two writes made in one millisecond keep their order.
        createdAt: await nextOrder(),
        now: clock.now(),
        connectedLocationId: status.locationId,
        transcriptId: options.transcriptId,
      });
      await store.add(job);
      const view = jobView(job, (await namesFor(db, [job])).get(job.id));
      await changed();
      void process();
      return view;
    },

    process,
    nextWakeAt,
    list,

    /**
     * A failed (or waiting) job goes back in the queue, due now, its attempts counted afresh. A
     * failed one goes to the end, as a write made now: later writes about the same contact went
     * ahead while it was failed, and it must not jump back in front of those still queued; the
     * person sees when it was first made. A contact create that could not be looked for is sent
     * again: the person was asked to check GHL first.
     */
    async retry(id: string): Promise<OutboxJobView[]> {
      const order = await nextOrder();
      const job = await store.update(id, (j) =>
        j.status === 'failed' || j.status === 'waiting'
          ? {
              ...j,
              status: 'queued',
              attempts: 0,
              nextAttemptAt: clock.now(),
              lastError: undefined,
              sentAt: reconcilable(j.operation) ? j.sentAt : undefined,
              ...(j.status === 'failed' && { createdAt: order, madeAt: j.madeAt ?? j.createdAt }),
            }
          : undefined,
      );
      if (job) {
        await changed();
        void process();
      }
      return list();
    },

    /** Deletes a failed or waiting job; a queued one is on its way and is left alone. */
    async discard(id: string): Promise<OutboxJobView[]> {
      let removed = false;
      await store.update(id, (j) => {
        removed = j.status === 'failed' || j.status === 'waiting';
        return removed ? null : undefined;
      });
      if (removed) await changed();
      return list();
    },

    /** The counts the popup shows. */
    async summary(): Promise<OutboxSummary> {
      return summarize(await store.list());
    },

    /** Stops sending in this context: calls in flight are abandoned, timers and listeners end. */
    async close(): Promise<void> {
      stopper.abort(new DOMException('The outbox was closed.', 'AbortError'));
      wake?.abort();
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
