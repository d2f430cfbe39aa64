import type { CachedContact } from '../../db/cache-schema';
import type { GhlContact } from '../../ghl/schemas/contact-schemas';
import { cachedChild } from '../../db/content-hash';
import type { CompletedJob, CompleteTx, OutboxResult } from './operation';
import type { StoredOutboxJob } from '../outbox-queue';

/**
 * How GHL's answer to a write goes into the cache, shared by the operations. Tasks and notes get
 * the same content hash the sync engine computes, so it does not take our own write for a change
 * made in GHL.
 */

/** The task GHL answered, under the job's contact; answers what was cached before it. */
export async function cacheTask(
  tx: CompleteTx,
  job: StoredOutboxJob,
  result: OutboxResult,
  now: number,
): Promise<CompletedJob> {
  if (result.kind !== 'task') return {};
  const tasks = tx.objectStore('tasks');
  const previousTask = (await tasks.get(result.task.id))?.value ?? null;
  await tasks.put(cachedChild(result.task, contactOf(job) ?? result.task.contactId ?? '', now));
  return { previousTask };
}

/** The note GHL answered, under the job's contact. */
export async function cacheNote(
  tx: CompleteTx,
  job: StoredOutboxJob,
  result: OutboxResult,
  now: number,
): Promise<CompletedJob> {
  if (result.kind !== 'note') return {};
  await tx
    .objectStore('notes')
    .put(cachedChild(result.note, contactOf(job) ?? result.note.contactId ?? '', now));
  return {};
}

/** The contact GHL answered (whole), or only its tags when that is all a tag write got back. */
export async function cacheContact(
  tx: CompleteTx,
  job: StoredOutboxJob,
  result: OutboxResult,
  now: number,
): Promise<CompletedJob> {
  const contacts = tx.objectStore('contacts');
  if (result.kind === 'contact') {
    const cached = await contacts.get(result.contact.id);
    await contacts.put(withContact(cached, result.contact, job.locationId, now));
  } else if (result.kind === 'tags') {
    const contactId = contactOf(job);
    const cached = contactId === undefined ? undefined : await contacts.get(contactId);
    // Only a cached contact is updated: a tag list alone is not a contact to cache.
    if (cached)
      await contacts.put({ ...cached, contact: { ...cached.contact, tags: result.tags } });
  }
  return {};
}

function contactOf(job: StoredOutboxJob): string | undefined {
  return 'contactId' in job.operation ? job.operation.contactId : undefined;
}

/** The cached contact with GHL's answer: its update time, and used just now. */
function withContact(
  cached: CachedContact | undefined,
  contact: GhlContact,
  locationId: string,
  now: number,
): CachedContact {
  return {
    ...cached,
    id: contact.id,
    locationId: cached?.locationId ?? contact.locationId ?? locationId,
    // GHL's answer is the whole contact: a field it leaves out was cleared.
    contact,
    dateUpdated: contact.dateUpdated ?? cached?.dateUpdated,
    lastUsedAt: now,
    deletedAt: undefined,
  };
}
