import type { OutboxJobView, OutboxOperation } from '@/utils/outbox/outbox-operations';
import type { TranscriptView } from '@/utils/transcripts/transcript-view';

/** A task as the panel shows it (GHL `TaskSchema`, read loosely from the cache). */
export interface PanelTask {
  id: string;
  title: string;
  body?: string;
  dueDate?: string;
  completed: boolean;
  assignedTo?: string;
}

/** A note as the panel shows it (GHL `GetNoteSchema`). */
export interface PanelNote {
  id: string;
  body: string;
  title?: string;
  pinned?: boolean;
  dateAdded?: string;
  userId?: string;
}

/** An appointment as the panel shows it (GHL `GetEventSchema`), read-only. */
export interface PanelAppointment {
  id: string;
  title?: string;
  startTime: string;
  endTime?: string;
  appointmentStatus?: string;
  address?: string;
}

/** The linked contact as the panel shows it (GHL contact fields it edits). */
export interface PanelContact {
  id: string;
  firstName?: string;
  lastName?: string;
  name?: string;
  email?: string;
  phone?: string;
  companyName?: string;
  tags: string[];
  businessId?: string;
  assignedTo?: string;
  dateUpdated?: string;
  locationId?: string;
}

/**
 * A record with the writes on their way to GHL already applied (optimistic): `pending` says what
 * is being sent, so the panel can mark it. A write that failed for good is not applied: the
 * record shows as GHL has it (rolled back) and the failure is listed in `failed`.
 */
export interface Shown<T> {
  record: T;
  pending?: 'saving' | 'deleting';
}

/** Everything the panel lists, with pending writes applied. */
export interface PanelRecords {
  contact?: Shown<PanelContact>;
  tasks: Shown<PanelTask>[];
  notes: Shown<PanelNote>[];
  appointments: PanelAppointment[];
  /** Writes GHL refused for good, newest first: shown with their reason, Retry and Discard. */
  failed: OutboxJobView[];
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Reads a cached task; the cache holds GHL's parsed records, so only odd values are dropped. */
export function asTask(record: Record<string, unknown>): PanelTask {
  return {
    id: String(record.id),
    title: text(record.title) ?? '',
    body: text(record.body),
    dueDate: text(record.dueDate),
    completed: record.completed === true,
    assignedTo: text(record.assignedTo),
  };
}

/** Reads a cached note. */
export function asNote(record: Record<string, unknown>): PanelNote {
  return {
    id: String(record.id),
    body: typeof record.body === 'string' ? record.body : '',
    title: text(record.title),
    pinned: record.pinned === true,
    dateAdded: text(record.dateAdded),
    userId: text(record.userId),
  };
}

/** Reads a cached appointment. */
export function asAppointment(record: Record<string, unknown>): PanelAppointment {
  return {
    id: String(record.id),
    title: text(record.title),
    startTime: text(record.startTime) ?? '',
    endTime: text(record.endTime),
    appointmentStatus: text(record.appointmentStatus),
    address: text(record.address),
  };
}

/** Reads a cached contact. */
export function asContact(record: Record<string, unknown>): PanelContact {
  return {
    id: String(record.id),
    firstName: text(record.firstName),
    lastName: text(record.lastName),
    name: text(record.name),
    email: text(record.email),
    phone: text(record.phone),
    companyName: text(record.companyName),
    tags: Array.isArray(record.tags) ? record.tags.filter((tag) => typeof tag === 'string') : [],
    businessId: text(record.businessId),
    assignedTo: text(record.assignedTo),
    dateUpdated: text(record.dateUpdated),
    locationId: text(record.locationId),
  };
}

/** The id a record created by a pending job shows under until GHL gives it one. */
export const pendingId = (jobId: string) => `pending-${jobId}`;

/**
 * The view's records with its pending writes applied in queue order. Writes that failed for good
 * are left out (rolled back) and listed in `failed`.
 */
export function panelRecords(view: TranscriptView): PanelRecords {
  const records: PanelRecords = {
    contact: view.contact ? { record: asContact(view.contact) } : undefined,
    tasks: view.tasks.map((task) => ({ record: asTask(task) })),
    notes: view.notes.map((note) => ({ record: asNote(note) })),
    appointments: view.appointments.map(asAppointment),
    failed: [],
  };
  for (const job of view.pending) {
    if (job.status === 'failed') records.failed.unshift(job);
    else if (job.operation && isFor(job.operation, view.link?.contactId)) {
      applyPending(records, job, job.operation);
    }
  }
  return records;
}

/**
 * Whether a write is about the contact shown: one queued for a contact this transcript was linked
 * to before must not show on the one linked now. A new contact is about no contact yet.
 */
function isFor(op: OutboxOperation, contactId: string | undefined): boolean {
  return !('contactId' in op) || op.contactId === contactId;
}

function applyPending(records: PanelRecords, job: OutboxJobView, op: OutboxOperation): void {
  const jobId = job.id;
  const body = 'body' in op ? op.body : {};
  const contact = records.contact;
  switch (op.kind) {
    case 'contact.create':
      return;
    case 'contact.update':
      if (contact) {
        records.contact = {
          record: { ...contact.record, ...asContact({ ...contact.record, ...body }) },
          pending: 'saving',
        };
      }
      return;
    case 'contact.delete':
      if (contact) records.contact = { ...contact, pending: 'deleting' };
      return;
    case 'tags.add':
    case 'tags.remove':
      if (contact) {
        const tags = new Set(contact.record.tags);
        for (const tag of op.tags) {
          if (op.kind === 'tags.add') tags.add(tag);
          else tags.delete(tag);
        }
        records.contact = { record: { ...contact.record, tags: [...tags] }, pending: 'saving' };
      }
      return;
    case 'task.create':
      records.tasks.push({
        record: asTask({ completed: false, ...body, id: pendingId(jobId) }),
        pending: 'saving',
      });
      return;
    case 'task.update':
    case 'task.complete':
      records.tasks = records.tasks.map((shown) =>
        shown.record.id !== op.taskId
          ? shown
          : {
              record: asTask({
                ...shown.record,
                ...(op.kind === 'task.complete' ? { completed: op.completed } : body),
              }),
              pending: 'saving',
            },
      );
      return;
    case 'task.delete':
      records.tasks = records.tasks.map((shown) =>
        shown.record.id === op.taskId ? { ...shown, pending: 'deleting' } : shown,
      );
      return;
    case 'note.create':
      records.notes.push({
        record: asNote({
          ...body,
          id: pendingId(jobId),
          dateAdded: new Date(job.createdAt).toISOString(),
        }),
        pending: 'saving',
      });
      return;
    case 'note.update':
      records.notes = records.notes.map((shown) =>
        shown.record.id !== op.noteId
          ? shown
          : { record: asNote({ ...shown.record, ...body }), pending: 'saving' },
      );
      return;
    case 'note.delete':
      records.notes = records.notes.map((shown) =>
        shown.record.id === op.noteId ? { ...shown, pending: 'deleting' } : shown,
      );
      return;
  }
}
