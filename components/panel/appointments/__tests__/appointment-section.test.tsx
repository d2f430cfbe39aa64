// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { button, click, mount, textOf } from '@/components/sync/__tests__/render-page';
import { PanelActionsContext, type PanelActions } from '../../panel-actions';
import { asAppointment, type PanelAppointment } from '../../panel-records';
import { AppointmentSection } from '../appointment-section';

const NOW = Date.UTC(2026, 10, 27, 12, 0);
const actions: PanelActions = {
  transcriptId: 'tr-alpha',
  canWrite: true,
  online: true,
  write: vi.fn(async () => true),
  announce: vi.fn(),
};

const upcoming: PanelAppointment = {
  id: 'a1',
  title: 'Proposal review',
  startTime: '2026-11-28 14:00:00',
  endTime: '2026-11-28 14:30:00',
  appointmentStatus: 'confirmed',
  address: 'Zoom',
};
/** Past appointments, one a day before NOW, newest first. */
const pastDays = (count: number): PanelAppointment[] =>
  Array.from({ length: count }, (_, day) => ({
    id: `p${day + 1}`,
    title: `Past ${day + 1}`,
    startTime: new Date(NOW - (day + 1) * 86_400_000).toISOString(),
    appointmentStatus: 'noshow',
  }));

let unmount = () => {};
async function show(appointments: PanelAppointment[]) {
  const shown = await mount(
    <PanelActionsContext.Provider value={actions}>
      <AppointmentSection appointments={appointments} locale="en-GB" />
    </PanelActionsContext.Provider>,
  );
  unmount = shown.unmount;
  return shown.container;
}
const list = (container: Element, name: string) =>
  [...container.querySelectorAll(`ul[aria-label="${name}"] > li`)].map((item) =>
    [...item.children].map(textOf).join(' | '),
  );

describe('AppointmentSection', () => {
  const zone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'UTC';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
    process.env.TZ = zone;
  });

  it('shows upcoming and past appointments with time, status and place', async () => {
    const container = await show([...pastDays(1), upcoming]);
    expect(list(container, 'Upcoming appointments')).toEqual([
      'Proposal review | 28 Nov 2026, 14:00–14:30 | Status: Confirmed | Where: Zoom',
    ]);
    expect(list(container, 'Past appointments')).toEqual([
      'Past 1 | 26 Nov 2026, 12:00 | Status: No-show',
    ]);
    expect(container.querySelector('time')?.getAttribute('datetime')).toBe(
      '2026-11-28T14:00:00.000Z',
    );
  });

  it('names an untitled appointment and shows an unknown status as GHL sent it', async () => {
    const container = await show([
      { id: 'x', startTime: '2026-12-01 09:00:00', appointmentStatus: 'rescheduled' },
    ]);
    expect(list(container, 'Upcoming appointments')).toEqual([
      'Appointment | 1 Dec 2026, 09:00 | Status: rescheduled',
    ]);
    expect(container.querySelector('ul[aria-label="Past appointments"]')).toBeNull();
  });

  it('says so when GHL sent an appointment without a start time (issue 19)', async () => {
    const container = await show([asAppointment({ id: 'y', title: 'Call' })]);
    expect(list(container, 'Upcoming appointments')).toEqual(['Call | Time not given']);
  });

  it('shows the latest five past appointments, and all on request', async () => {
    const container = await show(pastDays(7));
    expect(list(container, 'Past appointments').map((text) => text.split(' | ')[0])).toEqual([
      'Past 1',
      'Past 2',
      'Past 3',
      'Past 4',
      'Past 5',
    ]);
    const more = button(container, 'Show all 7 past appointments');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    await click(more);
    expect(list(container, 'Past appointments')).toHaveLength(7);
    await click(button(container, 'Show fewer past appointments'));
    expect(list(container, 'Past appointments')).toHaveLength(5);
  });

  it('offers no "Show all" for five or fewer', async () => {
    const container = await show(pastDays(5));
    expect(container.querySelectorAll('button:not(.panel__disclosure)')).toHaveLength(0);
  });

  it('says so when the contact has no appointments', async () => {
    const container = await show([]);
    expect(textOf(container)).toContain('No appointments with this contact.');
    expect(container.querySelector('ul')).toBeNull();
  });

  it('renders hostile titles and addresses as text', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const container = await show([
      { ...upcoming, title: '<script>document.body.remove()</script>', address: hostile },
    ]);
    expect(container.querySelector('script, img')).toBeNull();
    expect(textOf(container)).toContain('<script>document.body.remove()</script>');
    expect(textOf(container)).toContain(`Where: ${hostile}`);
  });
});
