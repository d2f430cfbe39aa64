import type { PanelAppointment } from '../panel-records';

/** The contact's appointments, split for the panel. */
export interface SplitAppointments {
  /** Not yet over (including one under way), soonest first. */
  upcoming: PanelAppointment[];
  /** Over, most recent first. */
  past: PanelAppointment[];
}

/**
 * Splits appointments at `now`: one is past once it has ended (its start when it has no end).
 * An appointment whose time cannot be read is listed last among the upcoming ones rather than
 * dropped, so the person still sees it.
 */
export function splitAppointments(
  appointments: readonly PanelAppointment[],
  now: number,
): SplitAppointments {
  const upcoming: PanelAppointment[] = [];
  const past: PanelAppointment[] = [];
  for (const appointment of appointments) {
    const end = appointmentInstant(appointment.endTime ?? appointment.startTime);
    (end < now ? past : upcoming).push(appointment);
  }
  const start = (appointment: PanelAppointment) => {
    const at = appointmentInstant(appointment.startTime);
    return Number.isNaN(at) ? Infinity : at;
  };
  upcoming.sort((a, b) => start(a) - start(b));
  past.sort((a, b) => start(b) - start(a));
  return { upcoming, past };
}

/** A GHL time written without a zone: "2021-07-16 11:00:00" (apps/contacts.json `GetEventSchema`). */
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * Milliseconds since the epoch of an appointment time, NaN when unreadable. GHL's contact
 * appointments carry times like "2021-07-16 11:00:00" with no zone, which browsers would read as
 * the person's local time. GHL does not say which zone it means; the Sandbox writes them in UTC,
 * so they are read as UTC here. Times with a zone or offset are read as written.
 */
export function appointmentInstant(time: string | undefined): number {
  if (!time) return NaN;
  return Date.parse(ZONELESS.test(time) ? `${time.replace(' ', 'T')}Z` : time);
}
