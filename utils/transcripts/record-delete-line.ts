import type { IDBPObjectStore } from 'idb';
import type { ActivityKind, CacheDb } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { GhlTask } from '../ghl/schemas/task-schemas';
import { appendActivity, type ActivityStore } from './activity-log';
import { narrateActivity, type NarrativeContext } from './activity-narrative';
import type { TranscriptChange } from './transcript-change';
import { contactDisplayName } from './transcript-snapshot';

/**
 * The timeline lines for a task or note a person deleted from a panel, once GHL deleted it. The
 * outbox removes the record from the cache when GHL confirms (outbox-cache.ts), so the next sync
 * finds nothing missing and never narrates it: the line is written here instead, in the words
 * the sync uses for the same deletion seen in GHL.
 */

/** A record GHL deleted at a person's request. */
interface RecordDelete<T> {
  contactId: string;
  locationId: string;
  /**
   * The record as cached when GHL confirmed the deletion; undefined when the cache no longer had
   * it (a second delete of the same record, or one the sync already saw go): no line then.
   */
  record?: T;
  at: number;
  /** Time zone of the date in the timeline line; the runtime's by default. */
  timeZone?: string;
}

/** A task deleted from a panel, see {@link recordTaskDelete}. */
export type TaskDelete = RecordDelete<GhlTask>;
/** A note deleted from a panel, see {@link recordNoteDelete}. */
export type NoteDelete = RecordDelete<GhlNote> & { noteId: string };

type Stores = ('contacts' | 'links' | 'transcripts' | 'activity')[];
const STORES: Stores = ['contacts', 'links', 'transcripts', 'activity'];

/**
 * Writes "Task ‘Send proposal’ deleted in GHL — Jane Doe, …" on every transcript linked to the
 * contact. The outbox may run its effects twice (a worker stopped before the job was deleted):
 * a transcript whose timeline already tells this task's deletion gets no second line. Returns the
 * transcripts whose view changed.
 */
export async function recordTaskDelete(
  db: CacheDatabase,
  deleted: TaskDelete,
): Promise<TranscriptChange[]> {
  const { contactId, record: task } = deleted;
  const tx = db.transaction(STORES, 'readwrite');
  const context = await narrativeContext(tx.objectStore('contacts'), deleted);
  const links = await tx.objectStore('links').index('by-contact').getAll(contactId);
  const changes: TranscriptChange[] = [];
  for (const { transcriptId } of links) {
    const activity = tx.objectStore('activity');
    const narrate = task && !(await hasLine(activity, transcriptId, 'task-deleted', task.id));
    if (narrate) {
      const line = narrateActivity({ kind: 'task-deleted', task }, context);
      await appendActivity(activity, transcriptId, [line]);
    }
    changes.push({ transcriptId, contactId, what: narrate ? ['tasks', 'activity'] : ['tasks'] });
  }
  await tx.done;
  return changes;
}

/**
 * Detaches a deleted note from the linked transcripts it was attached to (`noteIds`, and
 * `panelNoteIds` for one written from that panel) and writes "Note ‘…’ removed — Jane Doe, …" on
 * each. Run twice, it finds the note attached nowhere and writes nothing. Returns the transcripts
 * whose view changed.
 */
export async function recordNoteDelete(
  db: CacheDatabase,
  deleted: NoteDelete,
): Promise<TranscriptChange[]> {
  const { contactId, noteId, record: note } = deleted;
  const tx = db.transaction(STORES, 'readwrite');
  const context = await narrativeContext(tx.objectStore('contacts'), deleted);
  const links = await tx.objectStore('links').index('by-contact').getAll(contactId);
  const changes: TranscriptChange[] = [];
  for (const { transcriptId } of links) {
    const record = await tx.objectStore('transcripts').get(transcriptId);
    if (!record?.noteIds.includes(noteId)) {
      changes.push({ transcriptId, contactId, what: ['notes'] });
      continue;
    }
    await tx.objectStore('transcripts').put({
      ...record,
      noteIds: record.noteIds.filter((id) => id !== noteId),
      ...(record.panelNoteIds && {
        panelNoteIds: record.panelNoteIds.filter((id) => id !== noteId),
      }),
    });
    if (note) {
      const line = narrateActivity({ kind: 'note-removed', note }, context);
      await appendActivity(tx.objectStore('activity'), transcriptId, [line]);
    }
    changes.push({ transcriptId, contactId, what: note ? ['notes', 'activity'] : ['notes'] });
  }
  await tx.done;
  return changes;
}

/** Who and when, for the lines: the contact as cached (a deleted task leaves it in place). */
async function narrativeContext(
  contacts: IDBPObjectStore<CacheDb, Stores, 'contacts', 'readwrite'>,
  deleted: RecordDelete<unknown>,
): Promise<NarrativeContext> {
  const cached = await contacts.get(deleted.contactId);
  return {
    contactId: deleted.contactId,
    contactName: contactDisplayName(cached?.contact),
    locationId: deleted.locationId,
    at: deleted.at,
    timeZone: deleted.timeZone,
  };
}

/** Whether a transcript's timeline has a line of this kind about this record. */
async function hasLine(
  store: ActivityStore<Stores>,
  transcriptId: string,
  kind: ActivityKind,
  recordId: string,
): Promise<boolean> {
  // At most ACTIVITY_KEPT_PER_TRANSCRIPT lines, read only when a person deleted a task.
  const range = IDBKeyRange.bound([transcriptId, -Infinity], [transcriptId, Infinity]);
  const lines = await store.index('by-transcript').getAll(range);
  return lines.some((entry) => entry.kind === kind && entry.recordId === recordId);
}
