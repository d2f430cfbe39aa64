import { z } from 'zod';
import { appointmentSchema } from './appointment-schemas';
import { optionalText } from './shared-fields';
import { tolerantList } from './tolerant-list';

/**
 * A calendar of the location (apps/calendars.json `CalendarDTO`): only what tells calendars
 * apart. The spec requires id, name and locationId; a calendar without an id is skipped.
 */
export const calendarSchema = z.looseObject({
  id: z.string(),
  name: optionalText,
  locationId: optionalText,
  groupId: optionalText,
  isActive: z.boolean().nullish(),
  calendarType: optionalText,
});
export type GhlCalendar = z.infer<typeof calendarSchema>;

/** `CalendarsGetSuccessfulResponseDTO`. */
export const calendarListResponse = z.looseObject({ calendars: tolerantList(calendarSchema) });

/** The documented query of GET /calendars/ (`get-calendars`): the location is required. */
export const calendarListQuery = z.strictObject({
  locationId: z.string(),
  groupId: z.string().optional(),
  showDrafted: z.boolean().optional(),
});

/**
 * The documented query of GET /calendars/events (`get-calendar-events`). The spec requires one
 * of calendarId, userId or groupId ("Either of … is required"), checked here so a call GHL would
 * refuse with 400 is not sent; the window is in epoch milliseconds, sent as strings.
 */
export const calendarEventsQuery = z
  .strictObject({
    locationId: z.string(),
    userId: z.string().optional(),
    calendarId: z.string().optional(),
    groupId: z.string().optional(),
    startTime: z.number().int().nonnegative(),
    endTime: z.number().int().nonnegative(),
  })
  .refine((q) => q.calendarId ?? q.userId ?? q.groupId, {
    message: 'one of calendarId, userId or groupId is required',
  });
export type CalendarEventsQuery = z.input<typeof calendarEventsQuery>;

/**
 * `GetCalendarEventsSuccessfulResponseDTO`: its `CalendarEventDTO` has every field our
 * appointment shape reads (id, calendarId, title, appointmentStatus, assignedUserId, notes,
 * address, startTime, endTime, locationId, contactId, dateAdded, dateUpdated) under the same
 * names. The spec types the times as `object` with ISO examples ("2023-09-25T16:00:00+05:30"),
 * where the per-contact list shows "2021-07-16 11:00:00": compare times as instants, not text.
 */
export const calendarEventListResponse = z.looseObject({
  events: tolerantList(appointmentSchema),
});
