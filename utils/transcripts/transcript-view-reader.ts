import { partsToFetch } from './contact-parts';
import type { GhlAppointment } from '../ghl/schemas/appointment-schemas';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { GhlTask } from '../ghl/schemas/task-schemas';
import type {
  ActivityEntry,
  CachedAppointment,
  CachedContact,
  CachedNote,
  CachedTask,
  TranscriptLink,
  TranscriptRecord,
} from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import { mappedFieldViews } from '../mapping/apply-mapping';
import type { FieldMapping } from '../mapping/field-mapping';
import type { OutboxJobView } from '../messaging/write-schemas';
import { readActivity } from './activity-log';
import type { SyncSettings } from '../storage/sync-settings';
import type { SyncedParts, TranscriptView } from './transcript-view';

/** What a view is shaped by: the live mapping and what the person chose to sync. */
export interface ViewOptions {
  mapping: FieldMapping;
  shows: SyncedParts;
}

/** The parts of a contact the settings sync and show. */
export function syncedParts(settings: SyncSettings): SyncedParts {
  return { ...partsToFetch(settings), businessContacts: settings.businessContacts };
}

/**
 * What a view is made of, as the cache holds it: read in one go, and kept as it is by the view
 * cache (transcript-view-cache.ts), so nothing here may be changed by whoever uses it.
 */
export interface ViewRecords {
  link?: TranscriptLink;
  record?: TranscriptRecord;
  cached?: CachedContact;
  tasks: readonly CachedTask[];
  notes: readonly CachedNote[];
  appointments: readonly CachedAppointment[];
  activity: readonly ActivityEntry[];
}

/**
 * Reads what a panel shows for one transcript from the cache, in one read transaction: the link,
 * the record, the contact, its tasks, notes and appointments; then the timeline.
 */
export async function readViewRecords(
  db: CacheDatabase,
  transcriptId: string,
): Promise<ViewRecords> {
  const tx = db.transaction(['links', 'transcripts', 'contacts', 'tasks', 'notes', 'appointments']);
  const link = await tx.objectStore('links').get(transcriptId);
  const record = await tx.objectStore('transcripts').get(transcriptId);
  const contactId = link?.contactId;
  const cached = contactId ? await tx.objectStore('contacts').get(contactId) : undefined;
  const [tasks, notes, appointments] = contactId
    ? await Promise.all([
        tx.objectStore('tasks').index('by-contact').getAll(contactId),
        tx.objectStore('notes').index('by-contact').getAll(contactId),
        tx.objectStore('appointments').index('by-contact').getAll(contactId),
      ])
    : [[], [], []];
  await tx.done;
  const activity = await readActivity(db, transcriptId);
  return { link, record, cached, tasks, notes, appointments, activity };
}

/**
 * Reads what a panel shows for one transcript from the cache: the link, the contact, its tasks
 * (open first), the notes attached to this transcript, its appointments, the timeline (newest
 * first) and the writes still on their way. See {@link composeTranscriptView}.
 */
export async function readTranscriptView(
  db: CacheDatabase,
  transcriptId: string,
  pending: readonly OutboxJobView[],
  options: ViewOptions,
): Promise<TranscriptView> {
  return composeTranscriptView(
    transcriptId,
    await readViewRecords(db, transcriptId),
    pending,
    options,
  );
}

/**
 * The view of a transcript from its records: the record's fields in the mapping's order too
 * (`mapped`). A part switched off in the settings is left out (its cached data, if any, is older
 * than the switch); with contact details off the contact stays, for the name on the card, but
 * its fields do not.
 */
export function composeTranscriptView(
  transcriptId: string,
  records: ViewRecords,
  pending: readonly OutboxJobView[],
  options: ViewOptions,
): TranscriptView {
  const { mapping, shows } = options;
  const { link, record, cached, tasks, notes, appointments, activity } = records;
  const contactId = link?.contactId;
  const attached = new Set(record?.noteIds ?? []);
  const fields = link ? (shows.contactDetails ? record?.fields : {}) : undefined;
  return {
    transcriptId,
    title: record?.title,
    link: link && {
      contactId: link.contactId,
      locationId: link.locationId,
      linkedAt: link.linkedAt,
      ...(link.logNoteId && { logNoteId: link.logNoteId }),
    },
    fields,
    mapped: fields && mappedFieldViews(fields, mapping),
    shows,
    snapshotAt: link ? record?.snapshotAt : undefined,
    contact: cached?.contact,
    syncedAt: cached?.syncedAt,
    contactDeletedAt: link ? (record?.contactDeletedAt ?? cached?.deletedAt) : undefined,
    tasks: shows.tasks ? tasks.map((t) => t.value).sort(byTaskOrder) : [],
    notes: shows.notes
      ? notes
          .map((n) => n.value)
          .filter((n) => attached.has(n.id))
          .sort(byNewestNote)
      : [],
    appointments: shows.appointments ? appointments.map((a) => a.value).sort(byStart) : [],
    activity: activity.map((line) => ({
      at: line.at,
      kind: line.kind,
      text: line.text,
      contactId: line.contactId,
      recordId: line.recordId,
      url: line.url,
    })),
    pending: pending.filter(
      (job) =>
        job.transcriptId === transcriptId ||
        (contactId !== undefined && job.contactId === contactId),
    ),
  };
}

/** Open tasks first, then by due date (soonest first), then by title. */
function byTaskOrder(a: GhlTask, b: GhlTask): number {
  if (Boolean(a.completed) !== Boolean(b.completed)) return a.completed ? 1 : -1;
  return (
    (a.dueDate ?? '\uffff').localeCompare(b.dueDate ?? '\uffff') ||
    (a.title ?? '').localeCompare(b.title ?? '')
  );
}

/** Pinned notes first, then newest first. */
function byNewestNote(a: GhlNote, b: GhlNote): number {
  if (Boolean(a.pinned) !== Boolean(b.pinned)) return a.pinned ? -1 : 1;
  return (b.dateAdded ?? '').localeCompare(a.dateAdded ?? '');
}

function byStart(a: GhlAppointment, b: GhlAppointment): number {
  // No start time (the spec allows it) sorts last.
  return (a.startTime || '\uffff').localeCompare(b.startTime || '\uffff');
}
