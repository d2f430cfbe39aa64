/** A GHL time written without a zone: "2021-07-16 11:00:00" (apps/contacts.json `GetEventSchema`). */
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Milliseconds since the epoch of an appointment time, NaN when unreadable. GHL's contact
 * appointments carry times like "2021-07-16 11:00:00" with no zone, which browsers would read as
 * the person's local time. GHL does not say which zone it means; the Sandbox writes them in UTC,
 * so they are read as UTC here. Times with a zone or offset (the calendar events') are read as
 * written.
 */
export function appointmentInstant(time: string | null | undefined): number {
  if (!time) return NaN;
  return Date.parse(ZONELESS.test(time) ? `${time.replace(' ', 'T')}Z` : time);
}
