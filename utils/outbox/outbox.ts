import type { Clock } from '../clock';
import type { CacheDatabase, CacheDbSource } from '../db/open-cache-db';
import { GhlError } from '../ghl/ghl-error';
import type { OutboxJobView, OutboxOperation } from '../messaging/write-schemas';
import { creates, operationFor } from './operations/registry';
import { createOutboxEvents } from './outbox-events';
import {
  createOutboxStore,
  createQueueOrder,
  isPending,
  summarize,
  type OutboxSummary,
  type PendingJob,
} from './outbox-queue';
import { createOutboxSchedule } from './outbox-schedule';
import { validateOperation } from './outbox-validation';
import { jobView, namesFor } from './outbox-view';
import { reconcilable } from './outbox-retry';
import { createOutboxWorker, type OutboxConnection } from './outbox-worker';

export type { OutboxConnection } from './outbox-worker';

/** What the outbox is built from; tests pass fakes and a fake clock. */
export interface OutboxDeps {
  db: CacheDbSource;
  connection: OutboxConnection;
  clock: Clock;
  /** A new job id (default: a random UUID). */
  newId?: () => string;
  /** Jitter of the backoff (default: Math.random). */
  random?: () => number;
}

/**
 * The outbox: every write a person makes is stored in IndexedDB first, then sent to GHL, retried
 * with backoff, held while the connection needs reconnecting, and kept as `failed` (with the
 * reason) when GHL refuses it for good, until a person retries or discards it. Nothing is dropped
 * silently. Its parts: the queue (outbox-queue.ts), the worker that sends (outbox-worker.ts), when
 * it runs (outbox-schedule.ts), what it tells (`on`, outbox-events.ts), and one file per kind of
 * write (operations/). The background calls `process()` at start and when OUTBOX_ALARM fires;
 * while alive, the outbox also wakes itself.
 */
export function createOutbox(deps: OutboxDeps) {
  const { clock, connection } = deps;
  const store = createOutboxStore(deps.db);
  const events = createOutboxEvents();
  const stopper = new AbortController();
  const newId = deps.newId ?? (() => crypto.randomUUID());

  /** Tells `changed` with the counts, if anyone listens. */
  async function changed() {
    if (!events.heard('changed')) return;
    await events.emit('changed', summarize(await store.list()));
  }

  const worker = createOutboxWorker({
    db: deps.db,
    store,
    connection,
    clock,
    random: deps.random ?? Math.random,
    signal: stopper.signal,
    events,
    changed,
  });
  const schedule = createOutboxSchedule({
    store,
    clock,
    signal: stopper.signal,
    drain: worker.drain,
    events,
  });
  const { process, nextWakeAt } = schedule;
  const nextOrder = createQueueOrder(store, clock);

  /** The jobs a person sees: on their way, waiting or failed (not those GHL already applied). */
  async function list(): Promise<OutboxJobView[]> {
    const jobs = (await store.list()).filter(isPending);
    const names = await namesFor(await deps.db.get(), jobs);
    return jobs.map((job) => jobView(job, names.get(job.id)));
  }

  /**
   * Validates a write, stores it durably, and starts sending it (without waiting for GHL).
   * Rejects, storing nothing, when the write is invalid (GhlError 'validation', naming the
   * field), when there is no connection to send it to, or when the browser refused to store it
   * ({@link OutboxStorageError}).
   */
  async function enqueue(
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
  }

  const unsubscribe = connection.onChange((status) => {
    if (status.state === 'connected') void process();
  });

  return {
    enqueue,
    process,
    nextWakeAt,
    list,
    /** Listens to what happens to jobs: `changed`, `applied`, `failed`, `problem`. */
    on: events.on,

    /**
     * A failed (or waiting) job goes back in the queue, due now, its attempts counted afresh. A
     * failed one goes to the end, as a write made now: later writes about the same contact went
     * ahead while it was failed, and it must not jump back in front of those still queued; the
     * person sees when it was first made. A contact create that could not be looked for is sent
     * again: the person was asked to check GHL first. Answers the jobs as the popup then shows.
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
              sentAt: reconcilable(j) ? j.sentAt : undefined,
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
      const running = schedule.stop();
      unsubscribe();
      await running;
    },
  };
}

/** See {@link createOutbox}. */
export type Outbox = ReturnType<typeof createOutbox>;

/** What a new job is made of besides its write. */
interface NewJobDetails {
  id: string;
  /** Its place in the queue (strictly increasing). */
  createdAt: number;
  now: number;
  /** The location connected now. */
  connectedLocationId: string;
  transcriptId?: string;
}

/**
 * A new job for a validated write, as the outbox stores it. A write about a contact goes to the
 * contact's own location, as the cache knows it: the person may have connected another location
 * since the panel read the contact, and the write must not reach that one. A new contact, or one
 * the cache does not hold, goes to the connected location. A create notes the cached records that
 * already look like what it makes (operations/look-alike.ts).
 */
async function newJob(
  db: CacheDatabase,
  op: OutboxOperation,
  details: NewJobDetails,
): Promise<PendingJob> {
  const cached = 'contactId' in op ? await db.get('contacts', op.contactId) : undefined;
  const rules = operationFor(op.kind).create;
  const knownIds = creates(op.kind) && rules ? await rules.lookAlikes(db, op) : [];
  return {
    id: details.id,
    createdAt: details.createdAt,
    operation: op,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: details.now,
    locationId: cached?.locationId ?? details.connectedLocationId,
    ...(details.transcriptId !== undefined && { transcriptId: details.transcriptId }),
    ...(knownIds.length > 0 && { knownIds }),
  };
}
