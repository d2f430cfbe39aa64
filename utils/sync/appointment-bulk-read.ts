import type { CachedAppointment } from '../db/cache-schema';
import { appointmentInstant } from '../ghl/schemas/appointment-time';
import type { CallOptions } from '../ghl/ghl-client';
import type { GhlAppointment } from '../ghl/schemas/appointment-schemas';

/**
 * Appointments of the whole location in one request per calendar: `GET /calendars/events` for a
 * time window (scope calendars/events.readonly; the calendars from `GET /calendars/`, scope
 * calendars.readonly), instead of a GET per contact. Appointments outside the window are kept as
 * the contact's last own read left them.
 */

/** The calendar reads a bulk read needs. */
export interface CalendarGhl {
  calendars: {
    list(locationId: string, o?: CallOptions): Promise<{ id: string }[]>;
    events(
      query: { locationId: string; calendarId: string; startTime: number; endTime: number },
      o?: CallOptions,
    ): Promise<GhlAppointment[]>;
  };
}

const DAY_MS = 24 * 60 * 60_000;
/** The window read: the last 30 days (what the panel shows as recent) to a year ahead. */
export const EVENTS_BEFORE_MS = 30 * DAY_MS;
export const EVENTS_AFTER_MS = 365 * DAY_MS;

/** The window at `now`. */
export function eventsWindow(now: number) {
  // Whole milliseconds: GHL takes the times as integers (a clock may answer fractions).
  const at = Math.floor(now);
  return { startTime: at - EVENTS_BEFORE_MS, endTime: at + EVENTS_AFTER_MS };
}

/** Every appointment of the location in the window, by contact id; the requests made. */
export async function readEventsInBulk(
  ghl: CalendarGhl,
  locationId: string,
  calendarIds: readonly string[],
  window: { startTime: number; endTime: number },
  call: CallOptions,
): Promise<{ byContact: Map<string, GhlAppointment[]>; requests: number }> {
  const byContact = new Map<string, GhlAppointment[]>();
  for (const calendarId of calendarIds) {
    const events = await ghl.calendars.events({ locationId, calendarId, ...window }, call);
    for (const event of events) {
      if (!event.contactId) continue;
      const list = byContact.get(event.contactId) ?? [];
      list.push(event);
      byContact.set(event.contactId, list);
    }
  }
  return { byContact, requests: calendarIds.length };
}

/**
 * A contact's appointments after a bulk read: what the window holds now, and the cached ones
 * outside it (the bulk read says nothing of those).
 */
export function mergeWindowed(
  cached: readonly CachedAppointment[],
  inWindow: readonly GhlAppointment[],
  window: { startTime: number; endTime: number },
): GhlAppointment[] {
  const outside = cached
    .map((c) => c.value)
    .filter((a) => {
      const at = appointmentInstant(a.startTime);
      return Number.isFinite(at) && (at < window.startTime || at > window.endTime);
    });
  const seen = new Set(inWindow.map((a) => a.id));
  return [...inWindow, ...outside.filter((a) => !seen.has(a.id))];
}
