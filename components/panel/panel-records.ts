import type { OutboxJobView, OutboxOperation } from '@/utils/messaging/write-schemas';
import { showFor } from '@/utils/outbox/operations/shown';
import {
  asContact,
  asNote,
  asTask,
  type ShownRecords,
} from '@/utils/outbox/operations/shown-records';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';

// The records and how a pending write changes them live with each write kind
// (utils/outbox/operations/); the panel's components read them from here.
export {
  asContact,
  asNote,
  asTask,
  pendingId,
  type PanelContact,
  type PanelNote,
  type PanelTask,
  type Shown,
} from '@/utils/outbox/operations/shown-records';

/** An appointment as the panel shows it (GHL `GetEventSchema`), read-only. */
export interface PanelAppointment {
  id: string;
  title?: string;
  startTime: string;
  endTime?: string;
  appointmentStatus?: string;
  address?: string;
}

/** Everything the panel lists, with pending writes applied. */
export interface PanelRecords extends ShownRecords {
  appointments: PanelAppointment[];
  /** Writes GHL refused for good, newest first: shown with their reason, Retry and Discard. */
  failed: OutboxJobView[];
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

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
    logNoteId: view.link?.logNoteId,
  };
  for (const job of view.pending) {
    if (job.status === 'failed') records.failed.unshift(job);
    else if (job.operation && isFor(job.operation, view.link?.contactId)) {
      showFor(job.operation.kind)(records, job.operation, job);
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
