import { useId, useState } from 'preact/hooks';
import type { PanelAppointment } from '../panel-records';
import { PanelSection } from '../sections/panel-section';
import { ALL_OPEN, type SectionMemory } from '../sections/use-section-memory';
import { formatTimeRange } from '../panel-dates';
import { appointmentInstant, splitAppointments } from './appointment-order';

/** How many past appointments show before "Show all". */
const PAST_SHOWN = 5;

/** GHL's `appointmentStatus` values in words; any other value is shown as GHL sent it. */
const STATUS: Record<string, string> = {
  new: 'New',
  booked: 'Booked',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  showed: 'Showed',
  noshow: 'No-show',
  invalid: 'Invalid',
};

/** Props of {@link AppointmentSection}. */
export interface AppointmentSectionProps {
  /** The linked contact's appointments (`panelRecords(view).appointments`). */
  appointments: PanelAppointment[];
  /** For tests; the person's locale when left out. */
  locale?: string;
  /** Which sections are collapsed for the contact (all open when left out). */
  memory?: SectionMemory;
}

/**
 * The contact's appointments, read-only: upcoming soonest first, then past most recent first
 * (the latest few, with "Show all"). Times are in the person's locale and time zone; titles and
 * addresses are GHL text, rendered as text.
 */
export function AppointmentSection({
  appointments,
  locale,
  memory = ALL_OPEN,
}: AppointmentSectionProps) {
  const [showAllPast, setShowAllPast] = useState(false);
  const pastListId = useId();
  const { upcoming, past } = splitAppointments(appointments, Date.now());
  const pastShown = showAllPast ? past : past.slice(0, PAST_SHOWN);

  return (
    <PanelSection
      name="appointments"
      title="Appointments"
      summary={upcoming.length > 0 ? `${upcoming.length} upcoming` : String(appointments.length)}
      memory={memory}
      class="appointments"
    >
      {appointments.length === 0 && <p class="panel__empty">No appointments with this contact.</p>}
      {upcoming.length > 0 && (
        <>
          <h4 class="appointments__group">Upcoming</h4>
          <ul class="panel__list" aria-label="Upcoming appointments">
            {upcoming.map((appointment) => (
              <AppointmentItem key={appointment.id} appointment={appointment} locale={locale} />
            ))}
          </ul>
        </>
      )}
      {past.length > 0 && (
        <>
          <h4 class="appointments__group">Past</h4>
          <ul id={pastListId} class="panel__list" aria-label="Past appointments">
            {pastShown.map((appointment) => (
              <AppointmentItem key={appointment.id} appointment={appointment} locale={locale} />
            ))}
          </ul>
          {past.length > PAST_SHOWN && (
            <button
              type="button"
              class="panel__button panel__button--link appointments__more"
              aria-expanded={showAllPast}
              aria-controls={pastListId}
              onClick={() => setShowAllPast(!showAllPast)}
            >
              {showAllPast
                ? 'Show fewer past appointments'
                : `Show all ${past.length} past appointments`}
            </button>
          )}
        </>
      )}
    </PanelSection>
  );
}

function AppointmentItem({
  appointment,
  locale,
}: {
  appointment: PanelAppointment;
  locale?: string;
}) {
  const start = appointmentInstant(appointment.startTime);
  const status = appointment.appointmentStatus;
  return (
    <li class="panel__item appointments__item">
      <p class="appointments__title">{appointment.title || 'Appointment'}</p>
      <p class="panel__meta">
        {Number.isNaN(start) ? (
          // GHL may send no start time (the spec marks it optional): say so rather than nothing.
          appointment.startTime || 'Time not given'
        ) : (
          <time dateTime={new Date(start).toISOString()}>
            {formatTimeRange(start, appointmentInstant(appointment.endTime), locale)}
          </time>
        )}
      </p>
      {status && <p class="panel__meta">Status: {STATUS[status.toLowerCase()] ?? status}</p>}
      {appointment.address && <p class="panel__meta">Where: {appointment.address}</p>}
    </li>
  );
}
