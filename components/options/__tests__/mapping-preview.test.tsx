// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultMapping } from '@/utils/mapping/default-mapping';
import type { MappingPreview } from '@/utils/messaging/protocol';
import { MessageError, sendMessage } from '@/utils/messaging/send-message';
import {
  button,
  click,
  input,
  mount,
  textOf,
  type,
  waitFor,
} from '../../sync/__tests__/render-page';
import { MappingEditor } from '../mapping/mapping-editor';
import { answer, check, choose, rule, rules, select, sent } from './mapping-harness';

vi.mock('@/utils/messaging/send-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-message')>()),
  sendMessage: vi.fn(),
}));

const HOSTILE = '<img src=x onerror="alert(1)">';
const PREVIEW: MappingPreview = {
  transcripts: [
    {
      transcriptId: 't1',
      title: 'Discovery call',
      contactId: 'c1',
      contactName: 'Jane Doe',
      changes: [
        { label: 'Owner', before: 'user-1', after: 'Sam Lee' },
        { label: 'Budget', after: HOSTILE },
        { label: 'Updated', before: '26 Nov 2026' },
      ],
    },
    {
      transcriptId: 't2',
      contactId: 'c2',
      contactName: 'Acme buyer',
      changes: [{ label: 'Email', before: 'a@acme.test', after: 'b@acme.test' }],
    },
  ],
  unchanged: 4,
  missing: 1,
  requests: 0,
};

let unmount = () => {};
async function show(preview: unknown = PREVIEW) {
  answer({
    'mapping/get': { mapping: defaultMapping() },
    'mapping/custom-fields': { fields: [] },
    'mapping/preview': preview,
  });
  const page = await mount(<MappingEditor />);
  unmount = page.unmount;
  await waitFor(() => button(page.container, 'Preview'));
  return page.container;
}
/** Each diff table's rows as [field, before, after]. */
const tables = (page: Element) =>
  [...page.querySelectorAll('.mapping-diff')].map((diff) => ({
    title: textOf(diff.querySelector('h4')!),
    contact: textOf(diff.querySelector('p')!),
    rows: [...diff.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => textOf(cell)),
    ),
  }));

/** The words of the preview's status regions: the records', then the card's. */
const statuses = (page: Element) =>
  [...page.querySelectorAll('.mapping-preview [role="status"]')].map((status) => textOf(status));

beforeEach(() => {
  vi.mocked(sendMessage).mockReset();
});
afterEach(() => unmount());

describe('MappingEditor: Preview', () => {
  it('sends the draft, from the cache unless asked to read GHL', async () => {
    const page = await show();
    await click(check(rule(page, 'Owner'), 'Show on card'));
    await click(button(page, 'Preview'));
    const draft = defaultMapping();
    draft.rules[6]!.showOnCard = !draft.rules[6]!.showOnCard;
    expect(sent('mapping/preview')).toEqual([{ mapping: draft, fresh: false }]);
    await click(check(page, 'Read the latest from GHL (Sandbox or live account; reads only)'));
    await click(button(page, 'Preview'));
    expect(sent('mapping/preview')[1]).toEqual({ mapping: draft, fresh: true });
    expect(sent('mapping/save')).toEqual([]);
  });

  it('shows a before/after table per transcript, each change named in words', async () => {
    const page = await show();
    await click(button(page, 'Preview'));
    expect(tables(page)).toEqual([
      {
        title: 'Discovery call',
        contact: 'Contact: Jane Doe',
        rows: [
          ['Owner (changed)', 'user-1', 'Sam Lee'],
          ['Budget (added)', 'none', HOSTILE],
          ['Updated (removed)', '26 Nov 2026', 'none'],
        ],
      },
      {
        title: 'Transcript t2',
        contact: 'Contact: Acme buyer',
        rows: [['Email (changed)', 'a@acme.test', 'b@acme.test']],
      },
    ]);
    const headers = [...page.querySelectorAll('.mapping-diff thead th')].slice(0, 3);
    expect(headers.map((th) => th.textContent)).toEqual(['Field', 'Before', 'After']);
    expect(page.querySelector('.mapping-diff a')?.getAttribute('href')).toBe(
      'https://app.trint.com/editor/t1',
    );
    expect(textOf(page)).toContain(
      '2 transcripts would change. 4 unchanged, 1 without a cached contact, 0 GHL reads, nothing was written.',
    );
  });

  it('links a transcript seen on Trint EU to the EU host', async () => {
    const [first, second] = PREVIEW.transcripts;
    const page = await show({
      ...PREVIEW,
      transcripts: [{ ...first!, trintOrigin: 'https://app.eu.trint.com' }, second!],
    });
    await click(button(page, 'Preview'));
    const links = [...page.querySelectorAll('.mapping-diff a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://app.eu.trint.com/editor/t1',
      'https://app.trint.com/editor/t2',
    ]);
  });

  it('renders text from GHL as text, never as markup', async () => {
    const page = await show();
    await click(button(page, 'Preview'));
    expect(page.querySelector('.mapping-diff img')).toBeNull();
    expect(textOf(page)).toContain(HOSTILE);
  });

  it('says when nothing would change', async () => {
    const page = await show({ transcripts: [], unchanged: 2, missing: 0, requests: 2 });
    await click(button(page, 'Preview'));
    expect(statuses(page)).toEqual([
      'Nothing would change. 2 unchanged, 0 without a cached contact, 2 GHL reads, nothing was written.',
      '',
    ]);
    expect(page.querySelector('.mapping-diff')).toBeNull();
  });

  it('says which fields the card would start and stop showing, records unchanged', async () => {
    const page = await show({ transcripts: [], unchanged: 2, missing: 0, requests: 0 });
    await click(check(rule(page, 'Summary header'), 'Show on card'));
    await click(check(rule(page, 'Phone'), 'Show on card'));
    await click(button(page, 'Preview'));
    expect(statuses(page)).toEqual([
      'No linked transcript’s record would change. 2 unchanged, 0 without a cached contact, 0 GHL reads, nothing was written.',
      'The card would also show: Summary header. The card would no longer show: Phone.',
    ]);
  });

  it('names a renamed field on the card as shown no more, and the new name as shown', async () => {
    const page = await show();
    await choose(select(rule(page, 'Email'), 'Trint transcript field'), 'custom');
    await type(input(rules(page)[2]!, 'Custom label'), 'Work email');
    await click(button(page, 'Preview'));
    expect(statuses(page)).toEqual([
      '2 transcripts would change. 4 unchanged, 1 without a cached contact, 0 GHL reads, nothing was written.',
      'The card would also show: Work email. The card would no longer show: Email.',
    ]);
  });

  it('says when the draft changed since the preview', async () => {
    const page = await show();
    await click(button(page, 'Preview'));
    expect(textOf(page)).not.toContain('The draft has changed since this preview');
    await type(input(rule(page, 'Owner'), 'Custom label'), 'Account owner');
    expect(textOf(page)).toContain('The draft has changed since this preview');
  });

  it('refuses a draft with problems, and explains a failed preview', async () => {
    const page = await show(new MessageError('unreachable', 'GHL could not be reached.'));
    await type(input(rule(page, 'Owner'), 'Custom label'), 'Email');
    await click(button(page, 'Preview'));
    expect(sent('mapping/preview')).toEqual([]);
    expect(page.querySelector('[role="alert"]')?.textContent).toBe(
      'Not previewed: fix the problem marked in the draft first.',
    );
    await type(input(rules(page)[6]!, 'Custom label'), 'Owner');
    await click(button(page, 'Preview'));
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('GHL could not be reached.');
  });
});
