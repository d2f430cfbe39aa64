import type { CachedAppointment, CachedContact, CachedNote, CachedTask } from '../db/cache-schema';
import type { GhlAppointment } from '../ghl/schemas/appointment-schemas';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { GhlTask } from '../ghl/schemas/task-schemas';
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
import { contentHash } from './content-hash';
import type { SyncSettings } from './sync-settings';
import { contactSnapshot } from './transcript-snapshot';

/** What GHL answered for one contact. */
export interface FetchedContact {
  contact: GhlContact;
  tasks: GhlTask[];
  notes: GhlNote[];
  appointments: GhlAppointment[];
}

/** What the cache held for the contact before. */
export interface CachedContactState {
  contact?: CachedContact;
  tasks: CachedTask[];
  notes: CachedNote[];
  appointments: CachedAppointment[];
}

/** What one contact sync found, as every transcript linked to the contact needs it. */
export interface ContactFindings {
  /** Nothing was known of the contact's tasks and notes before: record, do not narrate. */
  baseline: boolean;
  contactChanged: boolean;
  /** The contact's mapped fields now. */
  fields: Record<string, string>;
  tasks: TaskDiff;
  notes: ChildDiff<GhlNote>;
  /** Every note of the contact now, and the ones this setting attaches. */
  notesById: ReadonlyMap<string, GhlNote>;
  attachedNoteIds: string[];
  /** Notes as cached before, for naming one that is gone. */
  previousNotes: ReadonlyMap<string, GhlNote>;
  appointmentsChanged: boolean;
  /** The fetched tasks and notes with their hashes, as the cache stores them. */
  hashedTasks: Hashed<GhlTask>[];
  hashedNotes: Hashed<GhlNote>[];
}

/**
 * Compares what GHL answered with what the cache held. Pure: it runs inside the cache
 * transaction that read the "before" state and writes the result.
 */
export function findChanges(
  before: CachedContactState,
  fetched: FetchedContact,
  options: { notes: SyncSettings['notes']; timeZone?: string },
): ContactFindings {
  const baseline = before.contact?.syncedAt === undefined;
  const hashedTasks = hashAll(fetched.tasks);
  const hashedNotes = hashAll(fetched.notes);
  return {
    baseline,
    contactChanged: !baseline && contactChanged(before.contact, fetched.contact),
    fields: contactSnapshot(fetched.contact, { timeZone: options.timeZone }),
    tasks: diffTasks(before.tasks, hashedTasks),
    notes: diffChildren(before.notes, hashedNotes),
    notesById: new Map(fetched.notes.map((n) => [n.id, n])),
    attachedNoteIds: fetched.notes
      .filter((n) => options.notes === 'all' || n.pinned === true)
      .map((n) => n.id),
    previousNotes: new Map(before.notes.map((n) => [n.id, n.value])),
    appointmentsChanged:
      contentHash(sortById(before.appointments.map((a) => a.value))) !==
      contentHash(sortById(fetched.appointments)),
    hashedTasks,
    hashedNotes,
  };
}

/** How many changes in GHL the findings hold (none for a baseline). */
export function changesFound(findings: ContactFindings): number {
  if (findings.baseline) return 0;
  return (
    Number(findings.contactChanged) + changeCount(findings.tasks) + changeCount(findings.notes)
  );
}

function sortById<T extends { id: string }>(records: T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
