import { z } from 'zod';
import { optionalText } from './shared-fields';

/** An appointment of a contact (apps/contacts.json `GetEventSchema`); the panel only reads them. */
export const appointmentSchema = z.looseObject({
  id: z.string(),
  calendarId: optionalText,
  status: optionalText,
  title: optionalText,
  appointmentStatus: optionalText,
  assignedUserId: optionalText,
  notes: optionalText,
  startTime: z.string(),
  endTime: optionalText,
  address: optionalText,
  locationId: optionalText,
  contactId: optionalText,
  dateAdded: optionalText,
  dateUpdated: optionalText,
});
export type GhlAppointment = z.infer<typeof appointmentSchema>;

/** `GetEventsSuccessfulResponseDto`. */
export const appointmentListResponse = z.looseObject({ events: z.array(appointmentSchema) });
