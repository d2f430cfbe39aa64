import { z } from 'zod';
import type {
  SandboxAppointment,
  SandboxContact,
  SandboxData,
  SandboxNote,
  SandboxTask,
} from './sandbox-records';
import type { SandboxContents } from './sandbox-state';

/**
 * The format of a saved Sandbox. Bump it when a record gains or changes a field: an older
 * snapshot is then not read (the Sandbox starts from its seed again) rather than half-understood.
 */
export const SANDBOX_SNAPSHOT_VERSION = 1;

// Loose objects: a GHL update may leave a documented field the record type does not name on a
// record (applyDefined), and it must survive a restart as it would survive in GHL.
const text = z.string();
const maybe = z.string().nullable();

const contact: z.ZodType<SandboxContact> = z.looseObject({
  id: text,
  locationId: text,
  firstName: maybe,
  lastName: maybe,
  email: maybe,
  phone: maybe,
  companyName: maybe,
  tags: z.array(text),
  customFields: z.array(z.looseObject({ id: text, value: z.unknown() })),
  businessId: maybe,
  assignedTo: maybe,
  source: maybe,
  type: text,
  timezone: maybe,
  address1: maybe,
  city: maybe,
  state: maybe,
  country: maybe,
  postalCode: maybe,
  website: maybe,
  dnd: z.boolean(),
  dateOfBirth: maybe,
  dateAdded: text,
  dateUpdated: text,
});

const task: z.ZodType<SandboxTask> = z.looseObject({
  id: text,
  contactId: text,
  title: text,
  body: text,
  dueDate: text,
  completed: z.boolean(),
  assignedTo: maybe,
});

const note: z.ZodType<SandboxNote> = z.looseObject({
  id: text,
  contactId: text,
  body: text,
  title: maybe,
  userId: maybe,
  color: maybe,
  pinned: z.boolean(),
  dateAdded: text,
});

const appointment: z.ZodType<SandboxAppointment> = z.looseObject({
  id: text,
  contactId: text,
  locationId: text,
  calendarId: text,
  title: text,
  status: text,
  appointmentStatus: text,
  assignedUserId: text,
  users: z.array(text),
  notes: text,
  address: text,
  startTime: text,
  endTime: text,
  dateAdded: text,
  dateUpdated: text,
});

const snapshot = z.strictObject({
  version: z.literal(SANDBOX_SNAPSHOT_VERSION),
  idCounter: z.number().int().min(0),
  contacts: z.array(contact),
  tasks: z.array(task),
  notes: z.array(note),
  appointments: z.array(appointment),
});

/** A saved Sandbox as it is stored: plain arrays, so it can be checked record by record. */
export type SandboxSnapshot = z.infer<typeof snapshot>;

/** The Sandbox's contents as a snapshot to store. */
export function toSnapshot({ data, idCounter }: SandboxContents): SandboxSnapshot {
  return {
    version: SANDBOX_SNAPSHOT_VERSION,
    idCounter,
    contacts: [...data.contacts.values()],
    tasks: [...data.tasks.values()],
    notes: [...data.notes.values()],
    appointments: [...data.appointments.values()],
  };
}

/**
 * The Sandbox's contents from a stored value, or undefined when it is not a snapshot of this
 * version (missing, from an older format, or damaged): the caller then seeds afresh.
 */
export function fromSnapshot(stored: unknown): SandboxContents | undefined {
  const parsed = snapshot.safeParse(stored);
  if (!parsed.success) return undefined;
  const { idCounter, contacts, tasks, notes, appointments } = parsed.data;
  const byId = <T extends { id: string }>(records: T[]) =>
    new Map(records.map((record) => [record.id, record]));
  const data: SandboxData = {
    contacts: byId(contacts),
    tasks: byId(tasks),
    notes: byId(notes),
    appointments: byId(appointments),
  };
  return { data, idCounter };
}
