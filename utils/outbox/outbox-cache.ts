import { contactDisplayName } from '../transcripts/transcript-snapshot';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { GhlTask } from '../ghl/schemas/task-schemas';
import type { IDBPTransaction } from 'idb';
import type { CacheDb, CachedContact, OutboxJob } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { cachedChild } from '../sync/content-hash';
import { recordLocalDelete } from './local-deletes';
import type { OutboxResult } from './outbox-send';
import type { StoredOutboxJob } from './outbox-store';

/** The stores a finished write touches. */
type CompleteStore = 'outbox' | 'contacts' | 'tasks' | 'notes' | 'appointments' | 'meta';
const STORES: CompleteStore[] = ['outbox', 'contacts', 'tasks', 'notes', 'appointments', 'meta'];
type CompleteTx = IDBPTransaction<CacheDb, CompleteStore[], 'readwrite'>;

/**
 * Records that GHL applied a job: marks it `applied` (with GHL's answer and what the cache held
 * before, for its follow-up effects) and puts what GHL answered into the cache, in one
 * transaction, so the panel never shows the write both as pending and as done, and a worker
 * stopped half-way leaves neither. The runner deletes the job once its effects have run; a worker
 * stopped before that runs them at its next start. A job deleted meanwhile (with the cached data)
 * is not stored again. Tasks and notes get the same content hash the sync engine computes, so it
 * does not take our own write for a change made in GHL; a deleted task or note is remembered for
 * a while (local-deletes.ts), so a sync reading at that moment does not bring it back.
 * Links to a deleted contact are not touched: that is the link module's (the caller reports it).
 */
export async function completeJob(
  db: CacheDatabase,
  job: OutboxJob,
  result: OutboxResult,
  now: number,
): Promise<CompletedJob> {
  const tx = db.transaction(STORES, 'readwrite');
  const op = job.operation;
  const completed: CompletedJob = {};
  const work = (async () => {
    switch (result.kind) {
      case 'task':
        completed.previousTask = (await tx.objectStore('tasks').get(result.task.id))?.value ?? null;
        await tx
          .objectStore('tasks')
          .put(
            cachedChild(
              result.task,
              'contactId' in op ? op.contactId : (result.task.contactId ?? ''),
              now,
            ),
          );
        break;
      case 'note':
        await tx
          .objectStore('notes')
          .put(
            cachedChild(
              result.note,
              'contactId' in op ? op.contactId : (result.note.contactId ?? ''),
              now,
            ),
          );
        break;
      case 'contact': {
        const contacts = tx.objectStore('contacts');
        const cached = await contacts.get(result.contact.id);
        await contacts.put(withContact(cached, result.contact, job.locationId, now));
        break;
      }
      case 'tags': {
        if (!('contactId' in op)) break;
        const contacts = tx.objectStore('contacts');
        const cached = await contacts.get(op.contactId);
        // Only a cached contact is updated: a tag list alone is not a contact to cache.
        if (cached)
          await contacts.put({ ...cached, contact: { ...cached.contact, tags: result.tags } });
        break;
      }
      case 'deleted':
        Object.assign(completed, await whatIsDeleted(tx, op));
        await forgetDeleted(tx, op, now);
        break;
    }
    const outbox = tx.objectStore('outbox');
    if (await outbox.get(job.id)) {
      const applied: StoredOutboxJob = { ...job, status: 'applied', result, completed };
      await outbox.put(applied);
    }
  })();
  // A request that throws (the quota) must not leave the rest of the transaction to commit.
  const aborting = work.catch((error: unknown) => {
    try {
      tx.abort();
    } catch {
      // Already finished: nothing to undo.
    }
    throw error;
  });
  await Promise.all([aborting, tx.done]);
  return completed;
}

/** What the cache held before a job's answer replaced it. */
export interface CompletedJob {
  /** The task as cached before a task write (null: none was), so its status change can be told. */
  previousTask?: GhlTask | null;
  /** The name of a contact the job deleted, for the timeline of the transcripts it leaves. */
  deletedContactName?: string;
  /**
   * The task a job deleted, as cached until then, for the timeline (the next sync no longer
   * sees it go). Absent when the cache no longer held it: another delete of it, or a sync that
   * saw it gone in GHL, came first and told it already.
   */
  deletedTask?: GhlTask;
  /** The note a job deleted, as cached until then (absent as for {@link deletedTask}). */
  deletedNote?: GhlNote;
}

/** What a delete takes from the cache, read before it goes (see {@link CompletedJob}). */
async function whatIsDeleted(tx: CompleteTx, op: OutboxJob['operation']): Promise<CompletedJob> {
  switch (op.kind) {
    case 'contact.delete': {
      const cached = await tx.objectStore('contacts').get(op.contactId);
      return { deletedContactName: cached && contactDisplayName(cached.contact) };
    }
    case 'task.delete': {
      const cached = await tx.objectStore('tasks').get(op.taskId);
      return cached ? { deletedTask: cached.value } : {};
    }
    case 'note.delete': {
      const cached = await tx.objectStore('notes').get(op.noteId);
      return cached ? { deletedNote: cached.value } : {};
    }
    default:
      return {};
  }
}

/** A deleted record leaves the cache; a deleted contact takes its tasks, notes, appointments. */
async function forgetDeleted(tx: CompleteTx, op: OutboxJob['operation'], now: number) {
  switch (op.kind) {
    case 'task.delete':
      await recordLocalDelete(tx.objectStore('meta'), op.taskId, now);
      return tx.objectStore('tasks').delete(op.taskId);
    case 'note.delete':
      await recordLocalDelete(tx.objectStore('meta'), op.noteId, now);
      return tx.objectStore('notes').delete(op.noteId);
    case 'contact.delete': {
      await tx.objectStore('contacts').delete(op.contactId);
      for (const name of ['tasks', 'notes', 'appointments'] as const) {
        const store = tx.objectStore(name);
        const keys = await store.index('by-contact').getAllKeys(op.contactId);
        await Promise.all(keys.map((key) => store.delete(key)));
      }
      return;
    }
  }
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
