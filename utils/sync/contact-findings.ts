import type { CachedAppointment, CachedContact, CachedNote, CachedTask } from '../db/cache-schema';
import type { GhlAppointment } from '../ghl/schemas/appointment-schemas';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { GhlTask } from '../ghl/schemas/task-schemas';
import { recordFields } from '../mapping/apply-mapping';
import type { FieldMapping } from '../mapping/field-mapping';
import {
  changeCount,
  contactChanged,
  diffChildren,
  diffTasks,
  hashAll,
  type ChildDiff,
  type Hashed,
  type TaskDiff,
} from './change-detection';
import { CONTACT_PARTS, type ContactPart, type PartFlags } from '../transcripts/contact-parts';
import { contentHash } from '../db/content-hash';
import type { SyncSettings } from '../storage/sync-settings';

/** What GHL answered for one contact; a part switched off was not asked for (undefined). */
export interface FetchedContact {
  contact?: GhlContact;
  /**
   * The location's change scan showed the contact unchanged since its cached copy, which stands
   * for the contact's read (see bulk-reads); `contact` is then absent.
   */
  sameContact?: boolean;
  /** When the parts given by a bulk read were read (their answers are as old as that). */
  readAt?: number;
  tasks?: GhlTask[];
  notes?: GhlNote[];
  appointments?: GhlAppointment[];
}

/** What the cache held for the contact before. */
export interface CachedContactState {
  contact?: CachedContact;
  tasks: CachedTask[];
  notes: CachedNote[];
  appointments: CachedAppointment[];
  /** The parts the contact's last sync left out: their cached data did not follow GHL since. */
  partsLeftOut: ReadonlySet<ContactPart>;
}

/** What one contact sync found, as every transcript linked to the contact needs it. */
export interface ContactFindings {
  /** The parts read this time. The others' cached data stays as it was and is not compared. */
  fetched: PartFlags;
  /**
   * Parts read whose cached data said nothing to compare with: the contact's first sync, or a
   * part switched back on. Recorded, not narrated.
   */
  baseline: PartFlags;
  /** Parts read and compared with the cache: their changes are narrated. */
  narrated: PartFlags;
  /** Parts this sync left out that the last one read: what the panel shows of them changes. */
  leftOutNow: PartFlags;
  contactChanged: boolean;
  /** The contact's mapped fields now; undefined when contact details were not read. */
  fields?: Record<string, string>;
  /** Empty unless tasks are narrated. */
  tasks: TaskDiff;
  /** Empty unless notes are narrated. */
  notes: ChildDiff<GhlNote>;
  /** Every note of the contact now (empty when notes were not read). */
  notesById: ReadonlyMap<string, GhlNote>;
  /** The notes this setting attaches; undefined when notes were not read (records keep theirs). */
  attachedNoteIds?: string[];
  /** Notes as cached before, for naming one that is gone. */
  previousNotes: ReadonlyMap<string, GhlNote>;
  appointmentsChanged: boolean;
  /** The fetched tasks and notes with their hashes, as the cache stores them (when read). */
  hashedTasks?: Hashed<GhlTask>[];
  hashedNotes?: Hashed<GhlNote>[];
}

/** How findChanges reads a contact. */
export interface FindOptions {
  notes: SyncSettings['notes'];
  /** The live field mapping: what a record keeps of the contact. */
  mapping: FieldMapping;
  timeZone?: string;
}

const NO_TASKS: TaskDiff = { added: [], updated: [], removed: [], statusChanged: [] };
const NO_NOTES: ChildDiff<GhlNote> = { added: [], updated: [], removed: [] };

/**
 * Compares what GHL answered with what the cache held, part by part. Pure: it runs inside the
 * cache transaction that read the "before" state and writes the result.
 */
export function findChanges(
  before: CachedContactState,
  fetched: FetchedContact,
  options: FindOptions,
): ContactFindings {
  const firstSync = before.contact?.syncedAt === undefined;
  const read: PartFlags = {
    contactDetails: fetched.contact !== undefined,
    tasks: fetched.tasks !== undefined,
    notes: fetched.notes !== undefined,
    appointments: fetched.appointments !== undefined,
  };
  const flags = (test: (part: ContactPart) => boolean) =>
    Object.fromEntries(CONTACT_PARTS.map((part) => [part, test(part)])) as PartFlags;
  const baseline = flags((p) => read[p] && (firstSync || before.partsLeftOut.has(p)));
  const narrated = flags((p) => read[p] && !baseline[p]);
  const hashedTasks = fetched.tasks && hashAll(fetched.tasks);
  const hashedNotes = fetched.notes && hashAll(fetched.notes);
  return {
    fetched: read,
    baseline,
    narrated,
    leftOutNow: flags((p) => !read[p] && !firstSync && !before.partsLeftOut.has(p)),
    contactChanged:
      narrated.contactDetails && contactChanged(before.contact, fetched.contact as GhlContact),
    fields:
      fetched.contact &&
      recordFields(fetched.contact, options.mapping, { timeZone: options.timeZone }),
    tasks: narrated.tasks && hashedTasks ? diffTasks(before.tasks, hashedTasks) : NO_TASKS,
    notes: narrated.notes && hashedNotes ? diffChildren(before.notes, hashedNotes) : NO_NOTES,
    notesById: new Map((fetched.notes ?? []).map((n) => [n.id, n])),
    attachedNoteIds: fetched.notes
      ?.filter((n) => options.notes === 'all' || n.pinned === true)
      .map((n) => n.id),
    previousNotes: new Map(before.notes.map((n) => [n.id, n.value])),
    appointmentsChanged:
      narrated.appointments &&
      contentHash(sortById(before.appointments.map((a) => a.value))) !==
        contentHash(sortById(fetched.appointments ?? [])),
    hashedTasks,
    hashedNotes,
  };
}

/** How many changes in GHL the findings hold (none in a baseline or a part not read). */
export function changesFound(findings: ContactFindings): number {
  return (
    Number(findings.contactChanged) + changeCount(findings.tasks) + changeCount(findings.notes)
  );
}

function sortById<T extends { id: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
