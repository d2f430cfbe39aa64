import { describe, expect, it } from 'vitest';
import type { PanelAppointment } from '../../panel-records';
import { appointmentInstant, splitAppointments } from '../appointment-order';

const NOW = Date.UTC(2026, 10, 27, 12, 0);
const at = (id: string, startTime: string, endTime?: string): PanelAppointment => ({
  id,
  startTime,
  endTime,
});

describe('splitAppointments', () => {
  it('puts upcoming ones soonest first and past ones most recent first', () => {
    const { upcoming, past } = splitAppointments(
      [
        at('last-month', '2026-10-27 12:00:00', '2026-10-27 12:30:00'),
        at('next-week', '2026-12-04 09:00:00', '2026-12-04 09:30:00'),
        at('under-way', '2026-11-27 11:45:00', '2026-11-27 12:15:00'),
        at('yesterday', '2026-11-26T15:00:00Z', '2026-11-26T15:30:00Z'),
        at('tomorrow', '2026-11-28T10:00:00+01:00'),
        at('just-ended', '2026-11-27 11:00:00', '2026-11-27 11:59:00'),
        at('unreadable', 'someday'),
      ],
      NOW,
    );
    expect(upcoming.map((a) => a.id)).toEqual(['under-way', 'tomorrow', 'next-week', 'unreadable']);
    expect(past.map((a) => a.id)).toEqual(['just-ended', 'yesterday', 'last-month']);
  });

  it('uses the start when there is no end', () => {
    const { upcoming, past } = splitAppointments(
      [at('started', '2026-11-27 11:59:00'), at('starting', '2026-11-27 12:01:00')],
      NOW,
    );
    expect(past.map((a) => a.id)).toEqual(['started']);
    expect(upcoming.map((a) => a.id)).toEqual(['starting']);
  });
});

describe('appointmentInstant', () => {
  it.each([
    ['2026-11-27 14:05:00', Date.UTC(2026, 10, 27, 14, 5)],
    ['2026-11-27 14:05', Date.UTC(2026, 10, 27, 14, 5)],
    ['2026-11-27T14:05:00Z', Date.UTC(2026, 10, 27, 14, 5)],
    ['2026-11-27T14:05:00+02:00', Date.UTC(2026, 10, 27, 12, 5)],
    ['2026-11-27T14:05:00.250Z', Date.UTC(2026, 10, 27, 14, 5, 0, 250)],
  ])('reads %s', (time, expected) => {
    expect(appointmentInstant(time)).toBe(expected);
  });

  it.each([[undefined], [''], ['soon']])('cannot read %s', (time) => {
    expect(appointmentInstant(time)).toBeNaN();
  });
});
