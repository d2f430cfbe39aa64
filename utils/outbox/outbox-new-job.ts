import type { CacheDatabase } from '../db/open-cache-db';
import { cachedLookAlikes } from './outbox-look-alike';
import { CREATING_KINDS, type OutboxOperation } from './outbox-operations';
import type { PendingJob } from './outbox-store';

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
