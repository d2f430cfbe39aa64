import { applyNamedContactDetails } from './named-contact-details';
import {
  SANDBOX_CALENDARS,
  SANDBOX_CUSTOM_FIELDS,
  SANDBOX_LOCATION,
  SANDBOX_USERS,
} from './sandbox-fixtures';
import {
  appointmentTime,
  type SandboxContact,
  type SandboxData,
  type SandboxNote,
  type SandboxTask,
} from './sandbox-records';
import { createSeededRandom, sandboxId, type SeededRandom } from './seeded-random';
import { HOSTILE_NOTES, NAMED_CONTACTS, SEED_WORDS } from './seed-words';

/** Options of {@link seedSandboxData}. */
export interface SeedOptions {
  /** Contacts to create (at least the named ones). Default 60. */
  contacts?: number;
  seed?: number;
  /** "Now": due dates and appointments are placed around it. */
  now: number;
}

const DAY = 24 * 60 * 60_000;

/**
 * Builds the Sandbox's data: the named contacts the Trint look-alike's speakers match, then
 * generated ones with realistic names, companies (sharing business ids), tags, custom fields and
 * owners, 0-8 tasks (some overdue, some done), 0-6 notes (some pinned, some hostile text) and
 * appointments past and future. The contacts the demo relies on then get their fixed details
 * (named-contact-details.ts). The same options always give the same data.
 */
export function seedSandboxData({ contacts = 60, seed = 7, now }: SeedOptions): SandboxData {
  const random = createSeededRandom(seed);
  const data: SandboxData = {
    contacts: new Map(),
    tasks: new Map(),
    notes: new Map(),
    appointments: new Map(),
  };
  const counters = { task: 0, note: 0, appointment: 0 };
  const total = Math.max(contacts, NAMED_CONTACTS.length);
  for (let index = 0; index < total; index += 1) {
    const contact = makeContact(index, random, now);
    data.contacts.set(contact.id, contact);
    for (let t = random.int(0, 8); t > 0; t -= 1) {
      const task = makeTask(sandboxId('sbxTask', counters.task++), contact.id, random, now);
      data.tasks.set(task.id, task);
    }
    for (let n = random.int(0, 6); n > 0; n -= 1) {
      const note = makeNote(sandboxId('sbxNote', counters.note++), contact.id, random, now);
      data.notes.set(note.id, note);
    }
    for (let a = random.int(0, 3); a > 0; a -= 1) {
      // The calendar by turns, not drawn: drawing would change every later seeded value.
      const calendar = SANDBOX_CALENDARS[counters.appointment % SANDBOX_CALENDARS.length]!;
      const id = sandboxId('sbxAppt', counters.appointment++);
      const start = now + random.int(-30, 30) * DAY + random.int(9, 16) * 3_600_000;
      data.appointments.set(id, {
        id,
        contactId: contact.id,
        locationId: SANDBOX_LOCATION.id,
        calendarId: calendar.id,
        title: random.pick(SEED_WORDS.appointmentTitles),
        status: 'booked',
        appointmentStatus:
          start < now ? random.pick(['showed', 'noshow', 'confirmed']) : 'confirmed',
        assignedUserId: contact.assignedTo ?? SANDBOX_USERS[0].id,
        users: [contact.assignedTo ?? SANDBOX_USERS[0].id],
        notes: '',
        address: random.pick(['Zoom', 'Google Meet', 'Phone', '1 Example Street']),
        startTime: appointmentTime(start - (start % 1_800_000)),
        endTime: appointmentTime(start - (start % 1_800_000) + 1_800_000),
        dateAdded: new Date(Math.min(now, start - 7 * DAY)).toISOString(),
        dateUpdated: new Date(Math.min(now, start - 7 * DAY)).toISOString(),
      });
    }
  }
  applyNamedContactDetails(data, now);
  return data;
}

function makeContact(index: number, random: SeededRandom, now: number): SandboxContact {
  const named = NAMED_CONTACTS[index];
  const firstName = named?.firstName ?? random.pick(SEED_WORDS.firstNames);
  const lastName = named?.lastName ?? random.pick(SEED_WORDS.lastNames);
  const company = named
    ? SEED_WORDS.companies.find((c) => c.name === named.company)!
    : random.pick(SEED_WORDS.companies);
  const slug =
    `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '') || `contact${index}`;
  const added = now - (index + 1) * 3 * 3_600_000 - random.int(0, 3_000_000);
  return {
    id: named?.id ?? sandboxId('sbxCont', index),
    locationId: SANDBOX_LOCATION.id,
    firstName,
    lastName,
    email: random.chance(0.92)
      ? `${slug}${index >= NAMED_CONTACTS.length ? index : ''}@${company.domain}`
      : null,
    phone: random.chance(0.85) ? `+1555${String(1_000_000 + index * 7919).slice(-7)}` : null,
    companyName: company.name,
    tags: pickTags(random),
    customFields: [
      { id: SANDBOX_CUSTOM_FIELDS[0].id, value: random.pick(SEED_WORDS.dealStages) },
      { id: SANDBOX_CUSTOM_FIELDS[1].id, value: random.pick(SEED_WORDS.topics) },
      // The spec types custom field values as strings (`CustomFieldSchema.value`).
      { id: SANDBOX_CUSTOM_FIELDS[3].id, value: String(random.int(1, 100)) },
    ],
    businessId: company.businessId,
    assignedTo: random.pick(SANDBOX_USERS).id,
    source: random.pick(['public api', 'website form', 'referral', 'trint import']),
    type: random.chance(0.7) ? 'lead' : 'customer',
    timezone: random.pick(['America/New_York', 'Europe/London', 'Asia/Dubai', 'Australia/Sydney']),
    address1: `${random.int(1, 999)} ${random.pick(SEED_WORDS.streets)}`,
    city: company.city,
    state: null,
    country: company.country,
    postalCode: String(random.int(10000, 99999)),
    website: `https://www.${company.domain}`,
    dnd: false,
    dateOfBirth: null,
    dateAdded: new Date(added).toISOString(),
    dateUpdated: new Date(Math.min(now, added + random.int(0, 48) * 3_600_000)).toISOString(),
  };
}

function pickTags(random: SeededRandom): string[] {
  const tags = new Set<string>();
  for (let n = random.int(0, 3); n > 0; n -= 1) tags.add(random.pick(SEED_WORDS.tags));
  return [...tags];
}

function makeTask(id: string, contactId: string, random: SeededRandom, now: number): SandboxTask {
  const due = now + random.int(-14, 21) * DAY + random.int(0, 8) * 3_600_000;
  return {
    id,
    contactId,
    title: random.pick(SEED_WORDS.taskTitles),
    body: random.chance(0.6) ? random.pick(SEED_WORDS.taskBodies) : '',
    dueDate: new Date(due - (due % 3_600_000)).toISOString(),
    // Past-due tasks are mostly done; the rest are overdue, which the panel must mark.
    completed: due < now ? random.chance(0.6) : random.chance(0.1),
    assignedTo: random.chance(0.8) ? random.pick(SANDBOX_USERS).id : null,
  };
}

function makeNote(id: string, contactId: string, random: SeededRandom, now: number): SandboxNote {
  const hostile = random.chance(0.12);
  return {
    id,
    contactId,
    body: hostile ? random.pick(HOSTILE_NOTES) : random.pick(SEED_WORDS.noteBodies),
    title: random.chance(0.5) ? random.pick(SEED_WORDS.noteTitles) : null,
    userId: random.pick(SANDBOX_USERS).id,
    color: random.chance(0.3) ? random.pick(['#FFAA00', '#2E7D32', '#1565C0']) : null,
    pinned: random.chance(0.2),
    dateAdded: new Date(now - random.int(1, 90 * 24) * 3_600_000).toISOString(),
  };
}
