// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { sendMessage } from '@/utils/messaging/send-message';
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

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));
const send = vi.mocked(sendMessage);

const ALPHA = 'Alpha call';
const BOB = 'Bob review';
const CARL = 'Untitled transcript';
const DELTA = 'delta <b>sync</b>';

let unmount = () => {};
async function show() {
  const page = await mount(<Dashboard />);
  unmount = page.unmount;
  await settle();
  return page.container;
}
const titles = (page: Element) => [...page.querySelectorAll('tbody th')].map(textOf);
const sorted = (page: Element) =>
  [...page.querySelectorAll('thead th[aria-sort]')].map((th) => [
    textOf(th),
    th.getAttribute('aria-sort'),
  ]);

describe('Dashboard sorting', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    send.mockReset();
    send.mockResolvedValue(LISTING);
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    unmount();
    vi.useRealTimers();
  });

  it('starts by title, A to Z', async () => {
    const page = await show();
    expect(sorted(page)).toEqual([['Transcript', 'ascending']]);
    expect(titles(page)).toEqual([ALPHA, BOB, DELTA, CARL]);
    expect(textOf(page.querySelector('caption')!)).toBe(
      'Linked transcripts, sorted by Transcript (ascending)',
    );
  });

  // Ties (Bob and delta have no overdue task) keep title order both ways; rows with nothing in
  // the column (no note, never synced) stay last both ways.
  it.each([
    ['Transcript', [ALPHA, BOB, DELTA, CARL], [CARL, DELTA, BOB, ALPHA]],
    ['Contact', [ALPHA, BOB, CARL, DELTA], [DELTA, CARL, BOB, ALPHA]],
    ['Open tasks', [BOB, ALPHA, DELTA, CARL], [CARL, DELTA, ALPHA, BOB]],
    ['Overdue', [BOB, DELTA, ALPHA, CARL], [CARL, ALPHA, BOB, DELTA]],
    ['Latest note', [CARL, DELTA, ALPHA, BOB], [ALPHA, DELTA, CARL, BOB]],
    ['Last sync', [BOB, DELTA, ALPHA, CARL], [ALPHA, DELTA, BOB, CARL]],
    ['Failed', [ALPHA, CARL, DELTA, BOB], [BOB, DELTA, CARL, ALPHA]],
  ])('sorts by %s both ways', async (column, ascending, descending) => {
    const page = await show();
    // Another column first, so the first click on this one always sorts it ascending.
    await click(button(page, column === 'Contact' ? 'Failed' : 'Contact'));
    await click(button(page, column));
    expect(sorted(page)).toEqual([[column, 'ascending']]);
    expect(titles(page)).toEqual(ascending);

    await click(button(page, column));
    expect(sorted(page)).toEqual([[column, 'descending']]);
    expect(titles(page)).toEqual(descending);
    expect(textOf(page.querySelector('caption')!)).toBe(
      `Linked transcripts, sorted by ${column} (descending)`,
    );
  });

  it('keeps the order while searching', async () => {
    const page = await show();
    await click(button(page, 'Failed'));
    await click(button(page, 'Failed'));
    // "Alpha call" and Carl Diaz match; by failed writes, most first.
    await type(input(page, 'Search transcripts'), 'ca');
    expect(titles(page)).toEqual([CARL, ALPHA]);
  });

  it('names each header button by its column only', async () => {
    const page = await show();
    const names = [...page.querySelectorAll('thead button')].map(textOf);
    expect(names).toEqual([
      'Transcript',
      'Contact',
      'Open tasks',
      'Overdue',
      'Latest note',
      'Last sync',
      'Failed',
    ]);
    for (const b of page.querySelectorAll('thead button'))
      expect(b.getAttribute('type')).toBe('button');
  });
});
