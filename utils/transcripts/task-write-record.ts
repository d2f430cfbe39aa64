import type { CacheDatabase } from '../db/open-cache-db';
import type { GhlTask } from '../ghl/schemas/task-schemas';
import { appendActivity } from './activity-log';
import { narrateActivity, type ActivityEvent } from './activity-narrative';
import { cachedChild } from '../db/content-hash';
import type { TranscriptChange } from './transcript-change';
import { contactDisplayName } from './transcript-snapshot';

/** A task as GHL answered a person's write (create, update, complete or reopen). */
export interface TaskWrite {
  contactId: string;
  locationId: string;
  task: GhlTask;
  at: number;
  /** Time zone of the date in the timeline line; the runtime's by default. */
  timeZone?: string;
  /**
   * The task before the write, when the caller knows it (null: there was none). The outbox puts
   * GHL's answer into the cache before this runs, so the cache can no longer tell.
   */
  previous?: GhlTask | null;
}

/**
 * Stores a task a person changed from a panel, once GHL confirmed it (the outbox wiring calls
 * this with GHL's answer). The cache then already holds what the next sync will fetch, so the
 * sync sees no change and does not narrate it a second time; the line is written here instead,
 * on every transcript linked to the contact: "Task ‘Send proposal’ completed — Jane Doe, …" for a
 * status change, "… added" for a new task. Returns the transcripts whose view changed.
 */
export async function recordTaskWrite(
  db: CacheDatabase,
  write: TaskWrite,
): Promise<TranscriptChange[]> {
  const { contactId, task, at } = write;
  const tx = db.transaction(['contacts', 'tasks', 'links', 'activity'], 'readwrite');
  const before: { value: GhlTask } | undefined =
    write.previous === undefined
      ? await tx.objectStore('tasks').get(task.id)
      : write.previous === null
        ? undefined
        : { value: write.previous };
  await tx.objectStore('tasks').put(cachedChild(task, contactId, at));
  const event: ActivityEvent | undefined = !before
    ? { kind: 'task-added', task }
    : before.value.completed !== task.completed
      ? { kind: 'task-status', task }
      : undefined;
  const cached = await tx.objectStore('contacts').get(contactId);
  const links = await tx.objectStore('links').index('by-contact').getAll(contactId);
  const changes: TranscriptChange[] = [];
  for (const link of links) {
    if (event) {
      const line = narrateActivity(event, {
        contactId,
        contactName: contactDisplayName(cached?.contact),
        locationId: write.locationId,
        at,
        timeZone: write.timeZone,
      });
      await appendActivity(tx.objectStore('activity'), link.transcriptId, [line]);
    }
    changes.push({
      transcriptId: link.transcriptId,
      contactId,
      what: event ? ['tasks', 'activity'] : ['tasks'],
    });
  }
  await tx.done;
  return changes;
}
