import { z } from 'zod';
import {
  GHL_CALENDARS_API_VERSION,
  SCOPE_CALENDAR_EVENTS_READ,
  SCOPE_CALENDARS_READ,
  SCOPE_LOCATION_TASKS_READ,
  type GhlApiVersion,
} from './api-constants';
import { appointmentListResponse } from './schemas/appointment-schemas';
import {
  calendarEventListResponse,
  calendarEventsQuery,
  calendarListQuery,
  calendarListResponse,
} from './schemas/calendar-schemas';
import { locationTaskListResponse, taskSearchBody } from './schemas/location-task-schemas';
import {
  contactListResponse,
  createContactBody,
  createContactResponse,
  getContactResponse,
  updateContactBody,
  updateContactResponse,
} from './schemas/contact-schemas';
import {
  createNoteBody,
  noteListResponse,
  noteResponse,
  updateNoteBody,
} from './schemas/note-schemas';
import {
  businessContactsQuery,
  listContactsQuery,
  searchContactsBody,
  searchContactsResponse,
} from './schemas/search-schemas';
import { customFieldListQuery, customFieldListResponse } from './schemas/custom-field-schemas';
import { locationUsersQuery, userListResponse } from './schemas/user-schemas';
import { duplicateContactQuery, duplicateContactResponse } from './schemas/duplicate-schemas';
import { deletedResponse } from './schemas/shared-fields';
import { tagsBody, tagsResponse } from './schemas/tag-schemas';
import {
  createTaskBody,
  taskCompletedBody,
  taskListResponse,
  taskResponse,
  updateTaskBody,
} from './schemas/task-schemas';

/** One GHL operation as apps/contacts.json describes it, plus how the client may retry it. */
export interface GhlEndpoint<
  Res extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
> {
  /** The spec's operationId, so tests can find the operation in the OpenAPI file. */
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The spec's path template, e.g. `/contacts/{contactId}/tasks`. */
  path: string;
  /** The documented success status. */
  status: 200 | 201;
  response: Res;
  /** The documented request body; strict, so undocumented fields never leave the client. */
  body?: Body;
  /** The documented query parameters, strict for the same reason. */
  query?: z.ZodType;
  /** Safe to send twice: reads, PUT and DELETE (and search, a read sent as POST). */
  idempotent: boolean;
  /**
   * The `Version` header the operation accepts (its spec's header enum has one value): the
   * Calendars operations take 2021-04-15; the rest, when absent, GHL_API_VERSION (2021-07-28).
   */
  version?: GhlApiVersion;
  /**
   * The optional scope the operation needs (api-constants' OPTIONAL_SCOPES): GHL refusing it for
   * that scope says nothing about the connection, only that names stay ids.
   */
  optionalScope?: string;
}

function endpoint<Res extends z.ZodType, Body extends z.ZodType = z.ZodNever>(
  definition: GhlEndpoint<Res, Body>,
): GhlEndpoint<Res, Body> {
  return definition;
}

/**
 * Every GHL operation the product uses, by name: Contacts; Users and Locations for names; the
 * location's task search and Calendars for reading tasks and appointments in bulk.
 */
export const GHL_ENDPOINTS = {
  getContact: endpoint({
    operationId: 'get-contact',
    method: 'GET',
    path: '/contacts/{contactId}',
    status: 200,
    response: getContactResponse,
    idempotent: true,
  }),
  listContacts: endpoint({
    operationId: 'get-contacts',
    method: 'GET',
    path: '/contacts/',
    status: 200,
    response: contactListResponse,
    query: listContactsQuery,
    idempotent: true,
  }),
  searchContacts: endpoint({
    operationId: 'search-contacts-advanced',
    method: 'POST',
    path: '/contacts/search',
    status: 200,
    response: searchContactsResponse,
    body: searchContactsBody,
    idempotent: true,
  }),
  getBusinessContacts: endpoint({
    operationId: 'get-contacts-by-businessId',
    method: 'GET',
    path: '/contacts/business/{businessId}',
    status: 200,
    response: contactListResponse,
    query: businessContactsQuery,
    idempotent: true,
  }),
  // The location's own duplicate rule, read at once: how a create whose answer was lost is found
  // (search is eventually consistent; this is the check POST /contacts/ itself makes).
  findDuplicateContact: endpoint({
    operationId: 'get-duplicate-contact',
    method: 'GET',
    path: '/contacts/search/duplicate',
    status: 200,
    response: duplicateContactResponse,
    query: duplicateContactQuery,
    idempotent: true,
  }),
  createContact: endpoint({
    operationId: 'create-contact',
    method: 'POST',
    path: '/contacts/',
    status: 201,
    response: createContactResponse,
    body: createContactBody,
    idempotent: false,
  }),
  updateContact: endpoint({
    operationId: 'update-contact',
    method: 'PUT',
    path: '/contacts/{contactId}',
    status: 200,
    response: updateContactResponse,
    body: updateContactBody,
    idempotent: true,
  }),
  deleteContact: endpoint({
    operationId: 'delete-contact',
    method: 'DELETE',
    path: '/contacts/{contactId}',
    status: 200,
    response: deletedResponse,
    idempotent: true,
  }),
  listTasks: endpoint({
    operationId: 'get-all-tasks',
    method: 'GET',
    path: '/contacts/{contactId}/tasks',
    status: 200,
    response: taskListResponse,
    idempotent: true,
  }),
  getTask: endpoint({
    operationId: 'get-task',
    method: 'GET',
    path: '/contacts/{contactId}/tasks/{taskId}',
    status: 200,
    response: taskResponse,
    idempotent: true,
  }),
  createTask: endpoint({
    operationId: 'create-task',
    method: 'POST',
    path: '/contacts/{contactId}/tasks',
    status: 201,
    response: taskResponse,
    body: createTaskBody,
    idempotent: false,
  }),
  updateTask: endpoint({
    operationId: 'update-task',
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}',
    status: 200,
    response: taskResponse,
    body: updateTaskBody,
    idempotent: true,
  }),
  setTaskCompleted: endpoint({
    operationId: 'update-task-completed',
    method: 'PUT',
    path: '/contacts/{contactId}/tasks/{taskId}/completed',
    status: 200,
    response: taskResponse,
    body: taskCompletedBody,
    idempotent: true,
  }),
  deleteTask: endpoint({
    operationId: 'delete-task',
    method: 'DELETE',
    path: '/contacts/{contactId}/tasks/{taskId}',
    status: 200,
    response: deletedResponse,
    idempotent: true,
  }),
  addTags: endpoint({
    operationId: 'add-tags',
    method: 'POST',
    path: '/contacts/{contactId}/tags',
    status: 201,
    response: tagsResponse,
    body: tagsBody,
    idempotent: false,
  }),
  removeTags: endpoint({
    operationId: 'remove-tags',
    method: 'DELETE',
    path: '/contacts/{contactId}/tags',
    status: 200,
    response: tagsResponse,
    body: tagsBody,
    idempotent: true,
  }),
  listNotes: endpoint({
    operationId: 'get-all-notes',
    method: 'GET',
    path: '/contacts/{contactId}/notes',
    status: 200,
    response: noteListResponse,
    idempotent: true,
  }),
  getNote: endpoint({
    operationId: 'get-note',
    method: 'GET',
    path: '/contacts/{contactId}/notes/{id}',
    status: 200,
    response: noteResponse,
    idempotent: true,
  }),
  createNote: endpoint({
    operationId: 'create-note',
    method: 'POST',
    path: '/contacts/{contactId}/notes',
    status: 201,
    response: noteResponse,
    body: createNoteBody,
    idempotent: false,
  }),
  updateNote: endpoint({
    operationId: 'update-note',
    method: 'PUT',
    path: '/contacts/{contactId}/notes/{id}',
    status: 200,
    response: noteResponse,
    body: updateNoteBody,
    idempotent: true,
  }),
  deleteNote: endpoint({
    operationId: 'delete-note',
    method: 'DELETE',
    path: '/contacts/{contactId}/notes/{id}',
    status: 200,
    response: deletedResponse,
    idempotent: true,
  }),
  listAppointments: endpoint({
    operationId: 'get-appointments-for-contact',
    method: 'GET',
    path: '/contacts/{contactId}/appointments',
    status: 200,
    response: appointmentListResponse,
    idempotent: true,
  }),
  // apps/users.json marks GET /users/ deprecated for GET /users/search, but search requires the
  // agency's companyId, which a location's Private Integration token does not tell; this one
  // needs only the location and the users.readonly scope (Location-Access).
  listLocationUsers: endpoint({
    operationId: 'get-user-by-location',
    method: 'GET',
    path: '/users/',
    status: 200,
    response: userListResponse,
    query: locationUsersQuery,
    idempotent: true,
    optionalScope: 'users.readonly',
  }),
  listCustomFields: endpoint({
    operationId: 'get-custom-fields',
    method: 'GET',
    path: '/locations/{locationId}/customFields',
    status: 200,
    response: customFieldListResponse,
    query: customFieldListQuery,
    idempotent: true,
    optionalScope: 'locations/customFields.readonly',
  }),
  // The bulk reads (optional scopes): a sync reads the tasks of many contacts in one request and
  // the appointments of the location one request per calendar, instead of one each per contact.
  searchLocationTasks: endpoint({
    operationId: 'task-search',
    method: 'POST',
    path: '/locations/{locationId}/tasks/search',
    status: 200,
    response: locationTaskListResponse,
    body: taskSearchBody,
    idempotent: true,
    optionalScope: SCOPE_LOCATION_TASKS_READ,
  }),
  listCalendars: endpoint({
    operationId: 'get-calendars',
    method: 'GET',
    path: '/calendars/',
    status: 200,
    response: calendarListResponse,
    query: calendarListQuery,
    idempotent: true,
    optionalScope: SCOPE_CALENDARS_READ,
    version: GHL_CALENDARS_API_VERSION,
  }),
  listCalendarEvents: endpoint({
    operationId: 'get-calendar-events',
    method: 'GET',
    path: '/calendars/events',
    status: 200,
    response: calendarEventListResponse,
    query: calendarEventsQuery,
    idempotent: true,
    optionalScope: SCOPE_CALENDAR_EVENTS_READ,
    version: GHL_CALENDARS_API_VERSION,
  }),
} as const;

/** "GET /contacts/:contactId": how errors and counters name an operation. */
export function endpointName(endpoint: Pick<GhlEndpoint, 'method' | 'path'>): string {
  return `${endpoint.method} ${endpoint.path.replace(/\{(\w+)\}/g, ':$1')}`;
}

/**
 * GHL ids are letters, digits, `_` and `-`. Anything else could change the path once URL
 * parsing normalises it (`..` and even `%2e%2e` climb a segment), so it is refused outright.
 */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * Fills a path template with ids, or returns the name of the first parameter that is missing or
 * not an id. An id can never change which operation is called.
 */
export function fillPath(
  template: string,
  params: Record<string, string>,
): { path: string } | { invalid: string } {
  let invalid: string | undefined;
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || !ID_PATTERN.test(value)) invalid ??= name;
    return value ?? '';
  });
  return invalid === undefined ? { path } : { invalid };
}
