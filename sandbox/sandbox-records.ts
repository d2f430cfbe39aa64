/**
 * What the Sandbox stores: GHL's records with every field it serves. The HTTP answers are views of
 * these (see contact-views.ts), shaped like apps/contacts.json.
 */

/** A contact as GHL stores it. */
export interface SandboxContact {
  id: string;
  locationId: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  companyName: string | null;
  tags: string[];
  customFields: { id: string; value: unknown }[];
  businessId: string | null;
  assignedTo: string | null;
  source: string | null;
  type: string;
  timezone: string | null;
  address1: string | null;
  city: string | null;
  state: string | null;
  country: string | null;
  postalCode: string | null;
  website: string | null;
  dnd: boolean;
  dateOfBirth: string | null;
  dateAdded: string;
  dateUpdated: string;
}

/** A task on a contact (`TaskSchema`). */
export interface SandboxTask {
  id: string;
  contactId: string;
  title: string;
  body: string;
  dueDate: string;
  completed: boolean;
  assignedTo: string | null;
}

/** A note on a contact (`GetNoteSchema`). */
export interface SandboxNote {
  id: string;
  contactId: string;
  body: string;
  title: string | null;
  userId: string | null;
  color: string | null;
  pinned: boolean;
  dateAdded: string;
}

/** An appointment of a contact (`GetEventSchema`). Times as the spec shows them. */
export interface SandboxAppointment {
  id: string;
  contactId: string;
  locationId: string;
  calendarId: string;
  title: string;
  status: string;
  appointmentStatus: string;
  assignedUserId: string;
  users: string[];
  notes: string;
  address: string;
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
}

/** All records of the Sandbox, by id. */
export interface SandboxData {
  contacts: Map<string, SandboxContact>;
  tasks: Map<string, SandboxTask>;
  notes: Map<string, SandboxNote>;
  appointments: Map<string, SandboxAppointment>;
}

/** GHL's appointment time format ("2021-07-16 11:00:00" in the spec's examples), in UTC. */
export function appointmentTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
