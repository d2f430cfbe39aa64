import { describe, expect, it } from 'vitest';
import { eventsWindow, mergeWindowed, readEventsInBulk } from '../appointment-bulk-read';

const NOW = Date.UTC(2026, 11, 7, 12);
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW + days * DAY).toISOString();
const cachedAppointment = (id: string, days: number) => ({
  id,
  contactId: 'c1',
  value: { id, startTime: at(days) },
  fetchedAt: NOW - DAY,
});

describe('appointments in bulk', () => {
  it('groups the events of every calendar by contact, one request per calendar', async () => {
    const asked: string[] = [];
    const ghl = {
      calendars: {
        list: async () => [],
        events: async (q: { calendarId: string }) => {
          asked.push(q.calendarId);
          return q.calendarId === 'cal-1'
            ? [
                { id: 'e1', contactId: 'c1' },
                { id: 'e2', contactId: 'c2' },
              ]
            : [{ id: 'e3', contactId: 'c1' }, { id: 'e4' }];
        },
      },
    };
    const read = await readEventsInBulk(ghl, 'loc', ['cal-1', 'cal-2'], eventsWindow(NOW), {});
    expect(asked).toEqual(['cal-1', 'cal-2']);
    expect(read.requests).toBe(2);
    expect(read.byContact.get('c1')?.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(read.byContact.get('c2')?.map((e) => e.id)).toEqual(['e2']);
  });

  it('asks for a window in whole milliseconds, whatever the clock answers', () => {
    const window = eventsWindow(NOW + 0.9038);
    expect(Number.isInteger(window.startTime) && Number.isInteger(window.endTime)).toBe(true);
    expect(window.startTime).toBe(NOW - 30 * DAY);
  });

  it('keeps cached appointments outside the window and drops those inside it GHL no longer lists', () => {
    const window = eventsWindow(NOW);
    const merged = mergeWindowed(
      [cachedAppointment('old', -400), cachedAppointment('gone', 2), cachedAppointment('far', 500)],
      [{ id: 'new', startTime: at(3) }],
      window,
    );
    expect(merged.map((a) => a.id).sort()).toEqual(['far', 'new', 'old']);
  });
});
