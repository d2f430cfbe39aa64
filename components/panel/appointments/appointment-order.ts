import { appointmentInstant } from '@/utils/ghl/schemas/appointment-time';
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

export { appointmentInstant } from '@/utils/ghl/schemas/appointment-time';
