import { GHL_CALENDARS_API_VERSION } from '../../utils/ghl/api-constants';
import { invalidRequest } from '../ghl-responses';
import { readQuery } from '../query-params';
import { requireOwnLocation, type SandboxRoute } from '../route-context';
import { SANDBOX_CALENDARS, SANDBOX_LOCATION } from '../sandbox-fixtures';
import type { SandboxAppointment } from '../sandbox-records';

/** The calendars of a location: the seeded ones for the seeded location, none elsewhere. */
function calendarsOf(locationId: string) {
  return locationId === SANDBOX_LOCATION.id ? SANDBOX_CALENDARS : [];
}

/** A stored appointment time ("2021-07-16 11:00:00", UTC) as epoch ms. */
function instantOf(time: string): number {
  return Date.parse(`${time.replace(' ', 'T')}Z`);
}

/** The same instant as `CalendarEventDTO`'s examples write it ("2023-09-25T16:00:00+05:30"). */
function eventTime(time: string): string {
  return `${time.replace(' ', 'T')}+00:00`;
}

/**
 * `CalendarEventDTO` as served: the appointment's fields, its calendar's group, and its times
 * as the DTO's examples show them (the per-contact list writes "2021-07-16 11:00:00"). The spec
 * types the times as `object` but its examples, like every answer, are strings
 * (test/contract/evidence-exceptions.ts).
 */
function eventView(appointment: SandboxAppointment, groupId: string) {
  return {
    id: appointment.id,
    title: appointment.title,
    calendarId: appointment.calendarId,
    locationId: appointment.locationId,
    contactId: appointment.contactId,
    groupId,
    appointmentStatus: appointment.appointmentStatus,
    assignedUserId: appointment.assignedUserId,
    users: [...appointment.users],
    notes: appointment.notes,
    address: appointment.address,
    startTime: eventTime(appointment.startTime),
    endTime: eventTime(appointment.endTime),
    dateAdded: appointment.dateAdded,
    dateUpdated: appointment.dateUpdated,
  };
}

/**
 * The location's calendars (GET /calendars/, `get-calendars`, calendars.readonly) and their
 * appointments in a window (GET /calendars/events, `get-calendar-events`,
 * calendars/events.readonly). Both take only Version 2021-04-15 and, documenting no 422, answer
 * a bad query with 400.
 */
export const calendarRoutes: SandboxRoute[] = [
  {
    method: 'GET',
    path: '/calendars/',
    scope: 'calendars.readonly',
    version: GHL_CALENDARS_API_VERSION,
    handle({ query, grant }) {
      const q = readQuery(
        query,
        { locationId: 'required-string', groupId: 'string', showDrafted: 'string' },
        400,
      );
      if (q.showDrafted !== undefined && !['true', 'false'].includes(q.showDrafted as string)) {
        throw invalidRequest(400, ['showDrafted must be a boolean value']);
      }
      requireOwnLocation(grant, q.locationId as string);
      const calendars = calendarsOf(grant.locationId)
        .filter((calendar) => q.groupId === undefined || calendar.groupId === q.groupId)
        .map((calendar) => ({ ...calendar, locationId: grant.locationId, isActive: true }));
      return { status: 200, body: { calendars } };
    },
  },
  {
    method: 'GET',
    path: '/calendars/events',
    scope: 'calendars/events.readonly',
    version: GHL_CALENDARS_API_VERSION,
    handle({ query, grant, state }) {
      const q = readQuery(
        query,
        {
          locationId: 'required-string',
          userId: 'string',
          calendarId: 'string',
          groupId: 'string',
          startTime: 'required-number',
          endTime: 'required-number',
        },
        400,
      );
      // The spec: "Either of calendarId, userId or groupId is required".
      if (q.calendarId === undefined && q.userId === undefined && q.groupId === undefined) {
        throw invalidRequest(400, ['Either of calendarId, userId or groupId is required']);
      }
      requireOwnLocation(grant, q.locationId as string);
      const groups = new Map<string, string>(
        calendarsOf(grant.locationId).map((calendar) => [calendar.id, calendar.groupId]),
      );
      const [from, to] = [q.startTime as number, q.endTime as number];
      const events = [...state.data.appointments.values()]
        .filter((a) => {
          const start = instantOf(a.startTime);
          return (
            a.locationId === grant.locationId &&
            (q.calendarId === undefined || a.calendarId === q.calendarId) &&
            (q.userId === undefined ||
              a.assignedUserId === q.userId ||
              a.users.includes(q.userId as string)) &&
            (q.groupId === undefined || groups.get(a.calendarId) === q.groupId) &&
            start >= from &&
            start <= to
          );
        })
        .sort((a, b) => a.startTime.localeCompare(b.startTime) || a.id.localeCompare(b.id))
        .map((a) => eventView(a, groups.get(a.calendarId) ?? ''));
      return { status: 200, body: { events } };
    },
  },
];
