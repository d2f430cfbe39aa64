import { z } from 'zod';
import { optionalText } from './shared-fields';
import { tolerantList } from './tolerant-list';

/**
 * An appointment of a contact (apps/contacts.json `GetEventSchema`); the panel only reads them.
 * The spec marks every field optional, the start time too.
 */
export const appointmentSchema = z.looseObject({
  id: z.string(),
  calendarId: optionalText,
  status: optionalText,
  title: optionalText,
  appointmentStatus: optionalText,
  assignedUserId: optionalText,
  notes: optionalText,
  startTime: optionalText,
  endTime: optionalText,
  address: optionalText,
  locationId: optionalText,
  contactId: optionalText,
  dateAdded: optionalText,
  dateUpdated: optionalText,
});
export type GhlAppointment = z.infer<typeof appointmentSchema>;

/** `GetEventsSuccessfulResponseDto`. */
export const appointmentListResponse = z.looseObject({ events: tolerantList(appointmentSchema) });
