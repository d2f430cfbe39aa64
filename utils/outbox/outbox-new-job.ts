import type { ConnectionService } from '../auth/connection-service';
import type { Clock } from '../clock';
import type { CacheDatabase, CacheDbSource } from '../db/open-cache-db';
import { GhlError } from '../ghl/ghl-error';
import { cachedLookAlikes } from './outbox-look-alike';
import { CREATING_KINDS, type OutboxJobView, type OutboxOperation } from './outbox-operations';
import type { OutboxStore, PendingJob } from './outbox-store';
import { jobView, namesFor } from './outbox-summary';
import { validateOperation } from './outbox-validation';

/** What a new job is made of besides its write. */
export interface NewJobDetails {
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
 * already look like what it makes (see outbox-look-alike.ts).
 */
export async function newJob(
  db: CacheDatabase,
  op: OutboxOperation,
  details: NewJobDetails,
): Promise<PendingJob> {
  const cached = 'contactId' in op ? await db.get('contacts', op.contactId) : undefined;
  const knownIds = CREATING_KINDS.has(op.kind) ? await cachedLookAlikes(db, op) : [];
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

/** What {@link createEnqueue} needs of the outbox. */
export interface EnqueueDeps {
  db: CacheDbSource;
  store: OutboxStore;
  connection: Pick<ConnectionService, 'status'>;
  clock: Clock;
  newId: () => string;
  /** A place at the end of the queue (outbox-queue.ts). */
  nextOrder: () => Promise<number>;
  /** The counts changed (publish them). */
  changed(): Promise<void>;
  /** Starts a run of the outbox, without waiting for it. */
  process(): Promise<void>;
}

/** How a person's write enters the outbox: the `enqueue` it answers. */
export function createEnqueue(deps: EnqueueDeps) {
  const { store, connection, clock } = deps;

  /**
   * Validates a write, stores it durably, and starts sending it (without waiting for GHL).
   * Rejects, storing nothing, when the write is invalid (GhlError 'validation', naming the
   * field), when there is no connection to send it to, or when the browser refused to store it
   * ({@link OutboxStorageError}).
   */
  return async function enqueue(
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
      id: deps.newId(),
      // Strictly increasing, so two writes made in one millisecond keep their order.
      createdAt: await deps.nextOrder(),
      now: clock.now(),
      connectedLocationId: status.locationId,
      transcriptId: options.transcriptId,
    });
    await store.add(job);
    const view = jobView(job, (await namesFor(db, [job])).get(job.id));
    await deps.changed();
    void deps.process();
    return view;
  };
}
