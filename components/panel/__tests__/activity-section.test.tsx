// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { button, click, mount, textOf } from '@/components/sync/__tests__/render-page';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import { ActivitySection } from '../activity-section';

type Entry = TranscriptView['activity'][number];
const entry = (change: Partial<Entry>): Entry => ({
  at: 1,
  kind: 'task',
  text: 'Task ‘Send proposal’ completed',
  contactId: 'c1',
  ...change,
});

let unmount = () => {};
async function show(activity: Entry[]) {
  const page = await mount(<ActivitySection activity={activity} />);
  unmount = page.unmount;
  return page.container;
}
const lines = (page: Element) => [...page.querySelectorAll('li')].map(textOf);

describe('ActivitySection', () => {
  afterEach(() => unmount());

  it('is a section titled Activity', async () => {
    const page = await show([]);
    const section = page.querySelector('section')!;
    const title = page.querySelector(`[id="${section.getAttribute('aria-labelledby')}"]`);
    expect(textOf(title!)).toBe('Activity');
  });

  it('says nothing has changed yet when there is no activity', async () => {
    const page = await show([]);
    expect(textOf(page)).toContain('Nothing has changed yet.');
    expect(page.querySelector('ul')).toBeNull();
  });

  it('lists the lines in the order given (the sync gives them newest first)', async () => {
    const page = await show([
      entry({ at: 3, text: 'Note added' }),
      entry({ at: 2, text: 'Task completed' }),
      entry({ at: 1, text: 'Contact email changed' }),
    ]);
    expect(lines(page)).toEqual(['Note added', 'Task completed', 'Contact email changed']);
    expect(textOf(page)).not.toContain('Nothing has changed yet.');
  });

  it('shows the newest 5, and the newest 20 on "Show all"', async () => {
    const page = await show(
      Array.from({ length: 25 }, (_, i) => entry({ at: 100 - i, text: `Change ${i}` })),
    );
    expect(lines(page)).toEqual(['Change 0', 'Change 1', 'Change 2', 'Change 3', 'Change 4']);
    await click(button(page, 'Show all (20)'));
    expect(lines(page)).toHaveLength(20);
    expect(lines(page)[0]).toBe('Change 0');
    expect(lines(page)[19]).toBe('Change 19');
  });

  it('links a line with an https address, in a new tab without opener', async () => {
    const url = 'https://app.gohighlevel.com/v2/location/loc1/contacts/detail/c1';
    const page = await show([entry({ text: 'Contact updated', url })]);
    const link = page.querySelector('li a')!;
    expect(link.getAttribute('href')).toBe(url);
    expect(textOf(link)).toBe('Contact updated');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')?.split(' ')).toContain('noopener');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'http://app.gohighlevel.com/',
    'data:text/html,<script>alert(1)</script>',
    '//evil.example.com/',
    ' https://app.gohighlevel.com/',
    'https://example.com/v2/location/loc1/contacts/detail/c1',
    'https://app.gohighlevel.com.evil.example/',
  ])('does not link %s, and still shows the line', async (url) => {
    const page = await show([entry({ text: 'Contact updated', url })]);
    expect(page.querySelector('a')).toBeNull();
    expect(lines(page)).toEqual(['Contact updated']);
  });

  it('renders GHL text as text, never as markup', async () => {
    const page = await show([
      entry({ text: '<img src=x onerror=alert(1)> renamed', url: 'https://example.com/' }),
      entry({ at: 2, text: '<b>bold</b>' }),
    ]);
    expect(page.querySelector('img, b')).toBeNull();
    expect(lines(page)).toEqual(['<img src=x onerror=alert(1)> renamed', '<b>bold</b>']);
  });
});
