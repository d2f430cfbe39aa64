import { SANDBOX_CALENDARS, SANDBOX_USERS } from './sandbox-fixtures';
import {
  appointmentTime,
  type SandboxAppointment,
  type SandboxContact,
  type SandboxData,
  type SandboxNote,
  type SandboxTask,
} from './sandbox-records';
import { sandboxId } from './seeded-random';
import { HOSTILE_NOTES, NAMED_CONTACTS } from './seed-words';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type NamedId = (typeof NAMED_CONTACTS)[number]['id'];

/** A fixed task; `dueInDays` counts from "now" (negative: overdue or done in the past). */
interface FixedTask {
  title: string;
  body: string;
  dueInDays: number;
  completed: boolean;
}

/** A fixed note; `daysAgo` places it before "now", so "pinned first, then newest" shows. */
interface FixedNote {
  title: string | null;
  body: string;
  pinned: boolean;
  daysAgo: number;
}

/** A fixed appointment, starting `inDays` from "now" (negative: in the past). */
interface FixedAppointment {
  title: string;
  inDays: number;
  status: 'confirmed' | 'showed';
  address: string;
}

/** Fields and records a named contact always has, whatever the random seed. */
interface NamedContactDetails {
  contact?: Partial<Pick<SandboxContact, 'email' | 'phone' | 'tags'>>;
  /** When given, they replace the generated records of that kind. */
  tasks?: FixedTask[];
  notes?: FixedNote[];
  appointments?: FixedAppointment[];
}

/**
 * The named contacts the demo and the end-to-end tests rely on. Jane Doe is the contact the
 * first transcript ("Discovery call with Acme Corp") is linked to, so she shows every part of the
 * panel: fields, tags, a colleague at Acme Corp (Sam Lee, through the company's business id),
 * overdue, upcoming and done tasks, a pinned and a plain note, a past and an upcoming appointment.
 * The markup-named contact holds markup in a task and notes, which the panel must show as text.
 */
export const NAMED_CONTACT_DETAILS: Partial<Record<NamedId, NamedContactDetails>> = {
  sbxContJaneDoe000002: {
    contact: {
      email: 'jane.doe@acme.example',
      phone: '+15551007919',
      tags: ['podcast guest', 'enterprise', 'needs follow-up'],
    },
    tasks: [
      {
        title: 'Send pilot pricing',
        body: 'They asked for it by end of week.',
        dueInDays: -2,
        completed: false,
      },
      { title: 'Book quarterly review', body: '', dueInDays: 3, completed: false },
      {
        title: 'Share transcript highlights',
        body: 'Attach the transcript link.',
        dueInDays: -5,
        completed: true,
      },
    ],
    notes: [
      {
        title: 'Discovery call summary',
        body: 'Budget approved for Q1; wants a pilot with two teams.',
        pinned: true,
        daysAgo: 9,
      },
      { title: null, body: 'Asked about the API and SSO.', pinned: false, daysAgo: 2 },
    ],
    appointments: [
      { title: 'Intro call', inDays: -6, status: 'showed', address: 'Zoom' },
      { title: 'Pilot kick-off demo', inDays: 2, status: 'confirmed', address: 'Google Meet' },
    ],
  },
  sbxContHostileImg006: {
    tasks: [
      {
        title: '<img src=x onerror=alert(1)>',
        body: HOSTILE_NOTES[1]!,
        dueInDays: 4,
        completed: false,
      },
    ],
    notes: [
      { title: '<b>Key quote</b>', body: HOSTILE_NOTES[0]!, pinned: true, daysAgo: 3 },
      { title: null, body: HOSTILE_NOTES[1]!, pinned: false, daysAgo: 1 },
    ],
  },
};

/**
 * Gives the named contacts their fixed details (see {@link NAMED_CONTACT_DETAILS}), after the
 * generator ran, so every other contact stays as the seed made it. Fixed records get ids of their
 * own ("sbxTaskFix…"): a generated or new id never has one, as those hold no "0" after the prefix.
 */
export function applyNamedContactDetails(data: SandboxData, now: number): void {
  const next = { task: 0, note: 0, appointment: 0 };
  for (const [contactId, details] of Object.entries(NAMED_CONTACT_DETAILS)) {
    const contact = data.contacts.get(contactId);
    if (!contact || !details) continue;
    Object.assign(contact, details.contact);
    const owner = contact.assignedTo ?? SANDBOX_USERS[0].id;
    const fixed = { contact, owner, now };
    if (details.tasks) {
      dropRecordsOf(data.tasks, contactId);
      for (const task of details.tasks) {
        const id = sandboxId('sbxTaskFix', next.task++);
        data.tasks.set(id, fixedTask(id, task, fixed));
      }
    }
    if (details.notes) {
      dropRecordsOf(data.notes, contactId);
      for (const note of details.notes) {
        const id = sandboxId('sbxNoteFix', next.note++);
        data.notes.set(id, fixedNote(id, note, fixed));
      }
    }
    if (details.appointments) {
      dropRecordsOf(data.appointments, contactId);
      for (const appointment of details.appointments) {
        const id = sandboxId('sbxApptFix', next.appointment++);
        data.appointments.set(id, fixedAppointment(id, appointment, fixed));
      }
    }
  }
}

/** What every fixed record of one contact shares. */
interface FixedContext {
  contact: SandboxContact;
  owner: string;
  now: number;
}

function fixedTask(
  id: string,
  task: FixedTask,
  { contact, owner, now }: FixedContext,
): SandboxTask {
  const due = now + task.dueInDays * DAY;
  return {
    id,
    contactId: contact.id,
    title: task.title,
    body: task.body,
    dueDate: new Date(due - (due % HOUR)).toISOString(),
    completed: task.completed,
    assignedTo: owner,
  };
}

function fixedNote(
  id: string,
  note: FixedNote,
  { contact, owner, now }: FixedContext,
): SandboxNote {
  const { title, body, pinned } = note;
  const dateAdded = new Date(now - note.daysAgo * DAY).toISOString();
  return { id, contactId: contact.id, title, body, pinned, dateAdded, userId: owner, color: null };
}

function fixedAppointment(
  id: string,
  appointment: FixedAppointment,
  { contact, owner, now }: FixedContext,
): SandboxAppointment {
  const day = now + appointment.inDays * DAY;
  const start = day - (day % DAY) + 15 * HOUR; // 15:00 UTC that day
  const booked = new Date(Math.min(now, start - 7 * DAY)).toISOString();
  return {
    id,
    contactId: contact.id,
    locationId: contact.locationId,
    calendarId: SANDBOX_CALENDARS[0].id,
    title: appointment.title,
    status: 'booked',
    appointmentStatus: appointment.status,
    assignedUserId: owner,
    users: [owner],
    notes: '',
    address: appointment.address,
    startTime: appointmentTime(start),
    endTime: appointmentTime(start + 30 * 60_000),
    dateAdded: booked,
    dateUpdated: booked,
  };
}

function dropRecordsOf(records: Map<string, { contactId: string }>, contactId: string) {
  for (const [id, record] of records) if (record.contactId === contactId) records.delete(id);
}
