// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  button,
  click,
  input,
  mount,
  settle,
  textOf,
  type,
  waitFor,
} from '@/components/sync/__tests__/render-page';
import { MessageError, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { ContactSummary } from '@/utils/messaging/protocol';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { PanelActionsContext, type PanelActions } from '../../panel-actions';
import { LinkContact } from '../link-contact';

vi.mock('@/utils/messaging/send-trint-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-trint-message')>()),
  sendTrintMessage: vi.fn(),
}));
const send = vi.mocked(sendTrintMessage);

const PAGE: EditorPage = {
  transcriptId: 'tr1',
  title: 'Discovery call with Acme Corp',
  speakers: ['Host', 'Jane Doe'],
};
const VIEW: TranscriptView = {
  transcriptId: 'tr1',
  tasks: [],
  notes: [],
  appointments: [],
  activity: [],
  pending: [],
};
const LINKED: TranscriptView = {
  ...VIEW,
  link: { contactId: 'c1', locationId: 'loc1', linkedAt: 1 },
};
const JANE: ContactSummary = {
  id: 'c1',
  name: 'Jane Doe',
  email: 'jane@acme.com',
  companyName: 'Acme Corp',
  reason: 'Speaker Jane Doe',
};
const ACME: ContactSummary = { id: 'c2', name: 'Ann Acme', reason: 'Company in the title' };
const HANK: ContactSummary = { id: 'c3', name: 'Hank Scorpio', phone: '+1 555 010 0100' };

interface Answers {
  suggest?: ContactSummary[] | Error;
  cache?: ContactSummary[];
  ghl?: ContactSummary[];
  link?: TranscriptView | Error;
}
function answer({ suggest = [], cache = [], ghl = [], link = LINKED }: Answers) {
  send.mockImplementation(async (kind, payload) => {
    const value =
      kind === 'contacts/suggest'
        ? suggest
        : kind === 'contacts/search'
          ? (payload as { source: string }).source === 'cache'
            ? cache
            : ghl
          : kind === 'link/set'
            ? link
            : new Error(`unexpected ${kind}`);
    if (value instanceof Error) throw value;
    return (Array.isArray(value) ? { contacts: value } : value) as never;
  });
}

let unmount = () => {};
async function show(
  options: { view?: TranscriptView; actions?: Partial<PanelActions>; answers?: Answers } = {},
) {
  answer(options.answers ?? {});
  const onLinked = vi.fn();
  const announce = vi.fn<PanelActions['announce']>();
  const actions: PanelActions = {
    transcriptId: 'tr1',
    canWrite: true,
    online: true,
    write: vi.fn(async () => true),
    announce,
    ...options.actions,
  };
  const page = await mount(
    <PanelActionsContext.Provider value={actions}>
      <LinkContact page={PAGE} view={options.view ?? VIEW} locationId="loc1" onLinked={onLinked} />
    </PanelActionsContext.Provider>,
  );
  unmount = page.unmount;
  await settle();
  return { page: page.container, onLinked, announce };
}
const list = (page: Element, label: string) => page.querySelector(`ul[aria-label="${label}"]`);
const items = (page: Element, label: string) =>
  [...(list(page, label)?.querySelectorAll('li') ?? [])].map(textOf);
const searchBox = (page: Element) => input(page, 'Search GHL contacts');

describe('LinkContact', () => {
  beforeEach(() => {
    send.mockReset();
  });
  afterEach(() => unmount());

  it('asks for suggestions from the transcript’s title and speakers', async () => {
    await show();
    expect(send).toHaveBeenCalledWith('contacts/suggest', {
      transcriptId: 'tr1',
      title: 'Discovery call with Acme Corp',
      speakers: ['Host', 'Jane Doe'],
    });
  });

  it('lists suggestions with their details and why they are suggested', async () => {
    const { page } = await show({ answers: { suggest: [JANE, ACME] } });
    expect(textOf(page)).toContain('Suggested from this transcript');
    const [jane, acme] = items(page, 'Suggested contacts');
    expect(jane).toContain('Jane Doe');
    expect(jane).toContain('jane@acme.com · Acme Corp');
    expect(jane).toContain('Speaker Jane Doe');
    expect(acme).toContain('Company in the title');
    expect(button(page, 'Link Jane Doe')).toBeTruthy();
    expect(button(page, 'Link Ann Acme')).toBeTruthy();
  });

  it('puts the search field before the suggestions, so their Link buttons are not tab stops on the way to it', async () => {
    const { page } = await show({ answers: { suggest: [JANE, ACME] } });
    const focusable = [...page.querySelectorAll('input, button')];
    expect(focusable.indexOf(searchBox(page))).toBeLessThan(
      focusable.indexOf(button(page, 'Link Jane Doe')),
    );
  });

  it('shows no suggestion heading when there are none or they could not be had', async () => {
    const { page } = await show({ answers: { suggest: new MessageError('x', 'No background') } });
    expect(textOf(page)).not.toContain('Suggested from this transcript');
    expect(list(page, 'Suggested contacts')).toBeNull();
    // The search still works.
    expect(searchBox(page)).toBeTruthy();
  });

  it('hides suggestions while searching and shows the results; clearing brings them back', async () => {
    const { page } = await show({ answers: { suggest: [JANE], cache: [HANK] } });
    await type(searchBox(page), 'Hank');
    await waitFor(() => expect(items(page, 'Search results')).toHaveLength(1));
    expect(list(page, 'Suggested contacts')).toBeNull();
    expect(items(page, 'Search results')[0]).toContain('Hank Scorpio');
    expect(textOf(page)).toContain('1 found so far, searching GHL…');
    expect(send).toHaveBeenCalledWith('contacts/search', { query: 'Hank', source: 'cache' });

    await type(searchBox(page), '');
    await settle();
    expect(items(page, 'Suggested contacts')).toHaveLength(1);
    expect(list(page, 'Search results')).toBeNull();
  });

  it('says how many were found when GHL is not asked, and that offline only the cache is searched', async () => {
    const { page } = await show({
      actions: { online: false },
      answers: { cache: [HANK, JANE] },
    });
    await type(searchBox(page), 'a');
    await waitFor(() => expect(textOf(page)).toContain('2 contacts found'));
    expect(textOf(page)).toContain('(offline: only contacts already on this computer)');
  });

  it('Link links the contact, shows the answered view and says so', async () => {
    const { page, onLinked, announce } = await show({ answers: { suggest: [JANE] } });
    await click(button(page, 'Link Jane Doe'));
    expect(send).toHaveBeenCalledWith('link/set', { transcriptId: 'tr1', contactId: 'c1' });
    expect(onLinked).toHaveBeenCalledWith(LINKED);
    expect(announce).toHaveBeenCalledWith('Linked Jane Doe to this transcript.');
  });

  it('links a search result too', async () => {
    const { page, onLinked } = await show({ answers: { cache: [HANK] } });
    await type(searchBox(page), 'Hank');
    await waitFor(() => expect(items(page, 'Search results')).toHaveLength(1));
    await click(button(page, 'Link Hank Scorpio'));
    expect(send).toHaveBeenCalledWith('link/set', { transcriptId: 'tr1', contactId: 'c3' });
    expect(onLinked).toHaveBeenCalledTimes(1);
  });

  it('a failed link is announced as an alert, and Link works again', async () => {
    const { page, onLinked, announce } = await show({
      answers: {
        suggest: [JANE],
        link: new MessageError('not-found', 'That contact is no longer in GHL.'),
      },
    });
    await click(button(page, 'Link Jane Doe'));
    expect(announce).toHaveBeenCalledWith('That contact is no longer in GHL.', 'alert');
    expect(onLinked).not.toHaveBeenCalled();
    expect(button(page, 'Link Jane Doe').disabled).toBe(false);
  });

  it('an unexpected link failure is announced in general words', async () => {
    const { page, announce } = await show({
      answers: { suggest: [JANE], link: new TypeError('boom') },
    });
    await click(button(page, 'Link Jane Doe'));
    expect(announce).toHaveBeenCalledWith('Could not link.', 'alert');
  });

  it('read-only: no "Create a new contact", but linking still works', async () => {
    const { page, onLinked } = await show({
      actions: { canWrite: false },
      answers: { suggest: [JANE] },
    });
    expect(() => button(page, 'Create a new contact')).toThrow();
    expect(page.querySelector('form')).toBeNull();
    await click(button(page, 'Link Jane Doe'));
    expect(onLinked).toHaveBeenCalledWith(LINKED);
  });

  it('Create a new contact opens the form prefilled from the search and the page', async () => {
    const { page } = await show();
    await type(searchBox(page), 'jane@acme.com');
    await click(button(page, 'Create a new contact'));
    expect(page.querySelector('form[aria-label="New GHL contact"]')).toBeTruthy();
    expect(input(page, 'Email').value).toBe('jane@acme.com');
    expect(input(page, 'Company').value).toBe('Acme Corp');
    expect(() => button(page, 'Create a new contact')).toThrow();
    await click(button(page, 'Cancel'));
    expect(page.querySelector('form')).toBeNull();
    expect(button(page, 'Create a new contact')).toBeTruthy();
  });

  it('without a search, the form takes the first speaker who is a person', async () => {
    const { page } = await show();
    await click(button(page, 'Create a new contact'));
    expect(input(page, 'First name').value).toBe('Jane');
    expect(input(page, 'Last name').value).toBe('Doe');
  });

  describe('a new contact on its way to GHL', () => {
    const creating = (status: OutboxJobView['status']): OutboxJobView => ({
      id: 'j1',
      kind: 'contact.create',
      summary: 'Create contact ‘Jane Doe’',
      status,
      attempts: 0,
      createdAt: 1,
      nextAttemptAt: 0,
      transcriptId: 'tr1',
      operation: { kind: 'contact.create', body: { locationId: 'loc1', firstName: 'Jane' } },
    });

    it.each(['queued', 'sending', 'waiting'] as const)(
      'shows "sending to GHL" instead of the search while %s',
      async (status) => {
        const { page } = await show({
          view: { ...VIEW, pending: [creating(status)] },
          answers: { suggest: [JANE] },
        });
        const notice = page.querySelector('[role="status"]');
        expect(textOf(notice!)).toBe(
          'Create contact ‘Jane Doe’: sending to GHL. It links to this transcript when GHL has it.',
        );
        expect(page.querySelector('input')).toBeNull();
        expect(page.querySelectorAll('button')).toHaveLength(0);
      },
    );

    it('shows the search again once that write failed', async () => {
      const { page } = await show({ view: { ...VIEW, pending: [creating('failed')] } });
      expect(searchBox(page)).toBeTruthy();
      expect(textOf(page)).not.toContain('sending to GHL');
    });

    it('other pending writes do not hide the search', async () => {
      const { page } = await show({
        view: {
          ...VIEW,
          pending: [{ ...creating('queued'), kind: 'note.create', summary: 'Add note' }],
        },
      });
      expect(searchBox(page)).toBeTruthy();
    });
  });
});
