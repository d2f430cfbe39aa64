import { GHL_ENDPOINTS as E } from './endpoints';
import { createGhlRequest, type GhlRequestDeps } from './ghl-request';
import type { RequestPriority } from './rate-limiter';
import type { RetryPolicy } from './retry-policy';
import type { GhlAppointment } from './schemas/appointment-schemas';
import type { CalendarEventsQuery, GhlCalendar } from './schemas/calendar-schemas';
import type { CreateContactInput, UpdateContactInput } from './schemas/contact-schemas';
import type { DuplicateContactQuery } from './schemas/duplicate-schemas';
import type { LocationTask, LocationTaskSearchInput } from './schemas/location-task-schemas';
import type { CreateNoteInput, UpdateNoteInput } from './schemas/note-schemas';
import type {
  BusinessContactsQuery,
  ListContactsQuery,
  SearchContactsInput,
} from './schemas/search-schemas';
import type { CreateTaskInput, UpdateTaskInput } from './schemas/task-schemas';

/** Per-call options: who is waiting (user actions first), a way to cancel, how to retry. */
export interface CallOptions {
  priority?: RequestPriority;
  signal?: AbortSignal;
  /** The call's own retry policy (the outbox's: OUTBOX_CALL); the client's by default. */
  retry?: RetryPolicy;
}

/**
 * The GHL API v2, one typed function per operation the product uses. Every function
 * answers the parsed, documented shape or throws a GhlError (see ghl-error.ts).
 */
export function createGhlClient(deps: GhlRequestDeps) {
  const request = createGhlRequest(deps);
  const contact = (contactId: string) => ({ contactId });

  return {
    contacts: {
      get: (contactId: string, o: CallOptions = {}) =>
        request(E.getContact, { ...o, params: contact(contactId) }).then((r) => r.contact),
      /** GET /contacts/: deprecated by GHL in favour of search, still the cheapest list. */
      list: (query: ListContactsQuery, o: CallOptions = {}) =>
        request(E.listContacts, { ...o, query }),
      search: (body: SearchContactsInput, o: CallOptions = {}) =>
        request(E.searchContacts, { ...o, body }),
      byBusiness: (businessId: string, query: BusinessContactsQuery, o: CallOptions = {}) =>
        request(E.getBusinessContacts, { ...o, params: { businessId }, query }),
      /** The contact the location's duplicate rule matches (email, else E.164 number), or null. */
      findDuplicate: (query: DuplicateContactQuery, o: CallOptions = {}) =>
        request(E.findDuplicateContact, { ...o, query }).then((r) => r.contact ?? null),
      create: (body: CreateContactInput, o: CallOptions = {}) =>
        request(E.createContact, { ...o, body }).then((r) => r.contact),
      update: (contactId: string, body: UpdateContactInput, o: CallOptions = {}) =>
        request(E.updateContact, { ...o, params: contact(contactId), body }).then((r) => r.contact),
      delete: (contactId: string, o: CallOptions = {}) =>
        request(E.deleteContact, { ...o, params: contact(contactId) }),
    },
    tags: {
      add: (contactId: string, tags: string[], o: CallOptions = {}) =>
        request(E.addTags, { ...o, params: contact(contactId), body: { tags } }).then(
          (r) => r.tags,
        ),
      remove: (contactId: string, tags: string[], o: CallOptions = {}) =>
        request(E.removeTags, { ...o, params: contact(contactId), body: { tags } }).then(
          (r) => r.tags,
        ),
    },
    tasks: {
      list: (contactId: string, o: CallOptions = {}) =>
        request(E.listTasks, { ...o, params: contact(contactId) }).then((r) => r.tasks),
      get: (contactId: string, taskId: string, o: CallOptions = {}) =>
        request(E.getTask, { ...o, params: { contactId, taskId } }).then((r) => r.task),
      create: (contactId: string, body: CreateTaskInput, o: CallOptions = {}) =>
        request(E.createTask, { ...o, params: contact(contactId), body }).then((r) => r.task),
      update: (contactId: string, taskId: string, body: UpdateTaskInput, o: CallOptions = {}) =>
        request(E.updateTask, { ...o, params: { contactId, taskId }, body }).then((r) => r.task),
      setCompleted: (contactId: string, taskId: string, completed: boolean, o: CallOptions = {}) =>
        request(E.setTaskCompleted, {
          ...o,
          params: { contactId, taskId },
          body: { completed },
        }).then((r) => r.task),
      delete: (contactId: string, taskId: string, o: CallOptions = {}) =>
        request(E.deleteTask, { ...o, params: { contactId, taskId } }),
      /**
       * The tasks of many contacts in one request (locations/tasks.readonly, optional): one page
       * of `limit` (GHL's default 25) from `skip`; each task carries its contactId.
       */
      searchLocation: (
        locationId: string,
        body: LocationTaskSearchInput,
        o: CallOptions = {},
      ): Promise<LocationTask[]> =>
        request(E.searchLocationTasks, { ...o, params: { locationId }, body }).then((r) => r.tasks),
    },
    notes: {
      list: (contactId: string, o: CallOptions = {}) =>
        request(E.listNotes, { ...o, params: contact(contactId) }).then((r) => r.notes),
      get: (contactId: string, id: string, o: CallOptions = {}) =>
        request(E.getNote, { ...o, params: { contactId, id } }).then((r) => r.note),
      create: (contactId: string, body: CreateNoteInput, o: CallOptions = {}) =>
        request(E.createNote, { ...o, params: contact(contactId), body }).then((r) => r.note),
      update: (contactId: string, id: string, body: UpdateNoteInput, o: CallOptions = {}) =>
        request(E.updateNote, { ...o, params: { contactId, id }, body }).then((r) => r.note),
      delete: (contactId: string, id: string, o: CallOptions = {}) =>
        request(E.deleteNote, { ...o, params: { contactId, id } }),
    },
    appointments: {
      list: (contactId: string, o: CallOptions = {}) =>
        request(E.listAppointments, { ...o, params: contact(contactId) }).then((r) => r.events),
    },
    /** The location's users (users.readonly, optional): who owns contacts and is assigned tasks. */
    users: {
      list: (locationId: string, o: CallOptions = {}) =>
        request(E.listLocationUsers, { ...o, query: { locationId } }).then((r) => r.users),
    },
    /** The location's calendars and their appointments, in bulk (optional scopes; Version 2021-04-15). */
    calendars: {
      /** Every calendar of the location (calendars.readonly). */
      list: (locationId: string, o: CallOptions = {}): Promise<GhlCalendar[]> =>
        request(E.listCalendars, { ...o, query: { locationId } }).then((r) => r.calendars),
      /**
       * The appointments of one calendar, user or group whose start falls in [startTime,
       * endTime], epoch ms (calendars/events.readonly).
       */
      events: (query: CalendarEventsQuery, o: CallOptions = {}): Promise<GhlAppointment[]> =>
        request(E.listCalendarEvents, { ...o, query }).then((r) => r.events),
    },
    /** The location's contact custom field definitions (locations/customFields.readonly, optional). */
    customFields: {
      list: (locationId: string, o: CallOptions = {}) =>
        request(E.listCustomFields, {
          ...o,
          params: { locationId },
          query: { model: 'contact' },
        }).then((r) => r.customFields),
    },
  };
}

/** The GHL client; see {@link createGhlClient}. */
export type GhlClient = ReturnType<typeof createGhlClient>;
