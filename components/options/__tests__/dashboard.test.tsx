// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MessageError, sendMessage } from '@/utils/messaging/send-message';
import {
  button,
  click,
  input,
  mount,
  settle,
  textOf,
  type,
} from '../../sync/__tests__/render-page';
import { Dashboard } from '../dashboard/dashboard';
import { LISTING, NOW } from './dashboard-fixtures';
import { SYNC_SETTINGS_KEY } from '@/utils/storage/sync-settings-item';

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

let unmount = () => {};
async function show() {
  const page = await mount(<Dashboard />);
  unmount = page.unmount;
  await settle();
  return page.container;
}

/** The counts at the top, term → value. */
const totals = (page: Element) =>
  Object.fromEntries(
    [...page.querySelectorAll('dl > div')].map((pair) => [
      textOf(pair.querySelector('dt')!),
      textOf(pair.querySelector('dd')!),
    ]),
  );
const cells = (page: Element) =>
  [...page.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(textOf));
const titles = (page: Element) => cells(page).map((row) => row[0]);
const status = (page: Element) => textOf(page.querySelector('[role="status"]')!);

describe('Dashboard', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    send.mockReset();
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
  });

  it('shows the counts and a row per linked transcript, GHL’s text as text', async () => {
    send.mockResolvedValue(LISTING);
    const page = await show();
    expect(send).toHaveBeenCalledWith('dashboard/list', {});
    expect(totals(page)).toEqual({
      'Linked transcripts': '4',
      Contacts: '4',
      'Overdue tasks': '3',
      'Failed jobs': '6',
    });
    const headers = [...page.querySelectorAll('thead th')].map(textOf);
    expect(headers).toEqual([
      'Transcript',
      'Contact',
      'Open tasks',
      'Overdue',
      'Latest note',
      'Last sync',
      'Failed',
    ]);
    const [alpha, bob, delta, carl] = cells(page);
    expect(alpha).toEqual([
      'Alpha call',
      'Ann Lee',
      '2',
      '1',
      expect.stringMatching(/^Wants a pilot in Q1\. \S/),
      '2 min ago',
      '0',
    ]);
    expect(bob).toEqual([
      'Bob review',
      'Bob Roe contact deleted in GHL',
      '0',
      '0',
      '—',
      '1 day ago',
      '3',
    ]);
    expect(carl).toEqual([
      'Untitled transcript',
      'Carl Diaz',
      '5',
      '2',
      expect.stringContaining('Call back in December.'),
      'Never',
      '1',
    ]);
    expect(delta?.slice(0, 2)).toEqual(['delta <b>sync</b>', 'Dee <script>alert(1)</script>']);
    expect(delta?.[4]).toContain('<img src=x onerror=alert(1)>');
    expect(page.querySelector('tbody b, tbody script, tbody img')).toBeNull();
    const noteDate = page.querySelector('tbody tr time');
    expect(noteDate?.getAttribute('datetime')).toBe('2026-11-25T09:00:00.000Z');
  });

  it('links each title to its transcript in Trint, in a new tab', async () => {
    send.mockResolvedValue(LISTING);
    const page = await show();
    const links = [...page.querySelectorAll('tbody a')] as HTMLAnchorElement[];
    expect(links.map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['Alpha call', 'https://app.trint.com/editor/t-alpha'],
      ['Bob review', 'https://app.trint.com/editor/t-bob'],
      ['delta <b>sync</b>', 'https://app.trint.com/editor/t-delta'],
      ['Untitled transcript', 'https://app.trint.com/editor/t-carl'],
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener');
    }
  });

  it('links a transcript seen on Trint EU to the EU host, and never to another site', async () => {
    const [alpha, bob] = LISTING.rows;
    send.mockResolvedValue({
      ...LISTING,
      rows: [
        { ...alpha!, trintOrigin: 'https://app.eu.trint.com' },
        { ...bob!, trintOrigin: 'https://evil.example' },
      ],
    });
    const page = await show();
    const links = [...page.querySelectorAll('tbody a')] as HTMLAnchorElement[];
    expect(links.map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
      ['Alpha call', 'https://app.eu.trint.com/editor/t-alpha'],
      ['Bob review', 'https://app.trint.com/editor/t-bob'],
    ]);
  });

  it('filters by title or contact name and says how many match', async () => {
    send.mockResolvedValue(LISTING);
    const page = await show();
    const search = input(page, 'Search transcripts');
    expect(search.type).toBe('search');
    expect(status(page)).toBe('4 of 4 transcripts');

    await type(search, 'carl');
    expect(titles(page)).toEqual(['Untitled transcript']);
    expect(status(page)).toBe('1 of 4 transcripts');

    await type(search, '  ALPHA ');
    expect(titles(page)).toEqual(['Alpha call']);

    await type(search, '<b>');
    expect(titles(page)).toEqual(['delta <b>sync</b>']);

    await type(search, 'untitled');
    expect(titles(page)).toEqual(['Untitled transcript']);

    await type(search, 'nobody');
    expect(status(page)).toBe('0 of 4 transcripts');
    expect(page.querySelector('table')).toBeNull();
    expect(textOf(page)).toContain('No transcript or contact matches “nobody”.');

    await type(search, '');
    expect(titles(page)).toHaveLength(4);
  });

  it('says how to link one when none is linked yet', async () => {
    send.mockResolvedValue({
      rows: [],
      totals: { linkedTranscripts: 0, contacts: 0, overdueTasks: 0, failedJobs: 0 },
    });
    const page = await show();
    expect(textOf(page)).toContain(
      'No transcript is linked yet. Open one in Trint and link it from the panel.',
    );
    expect(totals(page)['Linked transcripts']).toBe('0');
    expect(page.querySelector('table')).toBeNull();
    expect(() => input(page, 'Search transcripts')).toThrow();
  });

  it('says what went wrong and tries again', async () => {
    send.mockRejectedValueOnce(new MessageError('unreachable', 'The background is not answering.'));
    const page = await show();
    const alert = page.querySelector('[role="alert"]');
    expect(textOf(alert!)).toContain('The background is not answering.');
    expect(page.querySelector('table')).toBeNull();

    send.mockResolvedValueOnce(LISTING);
    await click(button(page, 'Try again'));
    expect(send).toHaveBeenCalledTimes(2);
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(titles(page)).toHaveLength(4);
  });

  it('reads the dashboard again on Refresh', async () => {
    send.mockResolvedValueOnce(LISTING);
    const page = await show();
    send.mockResolvedValueOnce({ ...LISTING, rows: LISTING.rows.slice(0, 1) });
    await click(button(page, 'Refresh'));
    expect(send).toHaveBeenCalledTimes(2);
    expect(titles(page)).toEqual(['Alpha call']);
    expect(status(page)).toBe('1 of 1 transcript');
  });

  it('shows "—" for tasks and says why while tasks and notes are not synced', async () => {
    await fakeBrowser.storage.session.set({ [SYNC_SETTINGS_KEY]: { tasks: false, notes: 'off' } });
    send.mockResolvedValue({
      ...LISTING,
      rows: LISTING.rows.map((row) => ({
        ...row,
        openTasks: 0,
        overdueTasks: 0,
        latestNote: undefined,
      })),
      totals: { ...LISTING.totals, overdueTasks: 0 },
    });
    const page = await show();
    expect(totals(page)['Overdue tasks']).toBe('— not synced');
    for (const row of cells(page)) {
      expect(row.slice(2, 5)).toEqual(['— not synced', '— not synced', '—']);
    }
    expect(textOf(page)).toContain('Tasks are not synced, so none are counted.');
    expect(textOf(page)).toContain('Notes are not synced, so none are shown.');
  });
});
