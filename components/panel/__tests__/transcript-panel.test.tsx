// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  button,
  click,
  mount,
  settle,
  textOf,
  waitFor,
} from '@/components/sync/__tests__/render-page';
import { type ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import { MessageError, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import type { TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { TranscriptPanel } from '../transcript-panel';
import { CONNECTION_STATUS_KEY } from '@/utils/storage/connection-status-item';
import { PANEL_LAYOUT_KEY } from '@/utils/storage/panel-layout-item';
import { answerAsBackground } from '@/test/support/settings-background';

vi.mock('@/utils/messaging/send-trint-message', async (original) => ({
  ...(await original<typeof import('@/utils/messaging/send-trint-message')>()),
  sendTrintMessage: vi.fn(),
}));
const send = vi.mocked(sendTrintMessage);

const PAGE: EditorPage = {
  transcriptId: 'tr1',
  title: 'Discovery call with Acme Corp',
  speakers: ['Jane Doe', 'Host'],
};

const CONNECTED: ConnectionStatus = {
  state: 'connected',
  kind: 'pit',
  locationId: 'loc1',
  scopes: ['contacts.readonly', 'contacts.write'],
  canWrite: true,
  since: 1,
};

const UNLINKED: TranscriptView = {
  transcriptId: 'tr1',
  title: PAGE.title,
  tasks: [],
  notes: [],
  appointments: [],
  activity: [],
  pending: [],
};

const LINKED: TranscriptView = {
  ...UNLINKED,
  link: { contactId: 'c1', locationId: 'loc1', linkedAt: 1 },
  fields: { 'Speaker name': 'Jane Doe', Email: 'jane@example.com' },
  mapped: [
    { label: 'Speaker name', text: 'Jane Doe', onCard: false, live: 'name' },
    { label: 'Email', text: 'jane@example.com', onCard: true, live: 'email' },
  ],
  contact: { id: 'c1', firstName: 'Jane', lastName: 'Doe', name: 'Jane Doe', tags: [] },
  tasks: [{ id: 'task1', title: 'Send proposal', completed: false }],
};

type Answers = Partial<Record<string, unknown>>;
/** Answers each message type from `answers` (an Error is thrown), recording the calls. */
function answer(answers: Answers) {
  send.mockImplementation(async (type, payload) => {
    // The layout is stored by the background, as it would be.
    if (type === 'panel/save-layout') {
      const reply = await answerAsBackground(type, payload);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as never;
    }
    const value = answers[type];
    if (value instanceof Error) throw value;
    if (value === undefined) throw new Error(`unexpected message ${type}`);
    return value as never;
  });
}
const sent = (type: string) => send.mock.calls.filter(([t]) => t === type);

let unmount = () => {};
async function show(options: { connection?: ConnectionStatus; answers?: Answers } = {}) {
  if (options.connection) {
    await fakeBrowser.storage.local.set({ [CONNECTION_STATUS_KEY]: options.connection });
  }
  answer({ 'contacts/suggest': { contacts: [] }, ...options.answers });
  const page = await mount(<TranscriptPanel page={PAGE} />);
  unmount = page.unmount;
  await settle();
  return page.container;
}

const heading = (page: Element, level: string, text: string) =>
  [...page.querySelectorAll(level)].find((h) => textOf(h) === text);
const statusText = (page: Element) => textOf(page.querySelector('.panel__live[role="status"]')!);
const alertText = (page: Element) => textOf(page.querySelector('.panel__live[role="alert"]')!);

describe('TranscriptPanel', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    send.mockReset();
  });
  afterEach(() => unmount());

  it('not connected: says how to connect and shows no body', async () => {
    const page = await show({
      connection: { state: 'not-connected' },
      answers: { 'transcript/opened': UNLINKED },
    });
    expect(textOf(page)).toContain('Not connected to GHL.');
    expect(heading(page, 'h2', 'Link a GHL contact')).toBeUndefined();
    expect(page.querySelector('input[type="search"]')).toBeNull();
    expect(textOf(page)).not.toContain('Loading the GHL contact');
    // The transcript's own facts still show.
    expect(textOf(page.querySelector('[data-testid="transcript-id"]')!)).toBe('tr1');
    expect(heading(page, 'h2', 'Discovery call with Acme Corp')).toBeTruthy();
  });

  it('nothing stored counts as not connected', async () => {
    const page = await show({ answers: { 'transcript/opened': UNLINKED } });
    expect(textOf(page)).toContain('Not connected to GHL.');
    expect(heading(page, 'h2', 'Link a GHL contact')).toBeUndefined();
  });

  it('tells the background the transcript is open, with its title and speakers', async () => {
    await show({ connection: CONNECTED, answers: { 'transcript/opened': UNLINKED } });
    expect(sent('transcript/opened')).toEqual([
      [
        'transcript/opened',
        { transcriptId: 'tr1', title: PAGE.title, speakers: ['Jane Doe', 'Host'] },
      ],
    ]);
  });

  it('connected, no link: offers to link a GHL contact', async () => {
    const page = await show({ connection: CONNECTED, answers: { 'transcript/opened': UNLINKED } });
    expect(heading(page, 'h2', 'Link a GHL contact')).toBeTruthy();
    expect(page.querySelector('input[type="search"]')).toBeTruthy();
    expect(button(page, 'Create a new contact')).toBeTruthy();
    expect(textOf(page)).not.toContain('Not connected');
  });

  it('connected, linked: the contact heading and its sections', async () => {
    const page = await show({ connection: CONNECTED, answers: { 'transcript/opened': LINKED } });
    expect(heading(page, 'h2', 'Jane Doe')).toBeTruthy();
    expect([...page.querySelectorAll('.contact dt, .contact dd')].map(textOf)).toEqual([
      'Email',
      'jane@example.com',
    ]);
    expect(button(page, 'Export')).toBeTruthy();
    const sections = [...page.querySelectorAll('section[aria-labelledby]')].map((section) =>
      textOf(page.querySelector(`[id="${section.getAttribute('aria-labelledby')}"]`)!),
    );
    expect(sections).toEqual(
      expect.arrayContaining(['Tasks', 'Notes', 'Appointments', 'Activity']),
    );
    expect(heading(page, 'h2', 'Link a GHL contact')).toBeUndefined();
  });

  it('says so while the cache is read', async () => {
    send.mockImplementation(() => new Promise(() => {}));
    await fakeBrowser.storage.local.set({ [CONNECTION_STATUS_KEY]: CONNECTED });
    const page = await mount(<TranscriptPanel page={PAGE} />);
    unmount = page.unmount;
    await settle();
    expect(textOf(page.container)).toContain('Loading the GHL contact…');
  });

  it('a read error shows its message and Try again, which asks again', async () => {
    const page = await show({
      connection: CONNECTED,
      answers: {
        'transcript/opened': new MessageError('unreachable', 'The background is not answering.'),
      },
    });
    expect(textOf(page)).toContain('The background is not answering.');
    // The paint read from the cache went out with transcript/opened; its answer came first.
    expect(sent('transcript/get')).toHaveLength(1);

    answer({ 'transcript/get': LINKED, 'contacts/suggest': { contacts: [] } });
    await click(button(page, 'Try again'));
    expect(sent('transcript/get')).toEqual([
      ['transcript/get', { transcriptId: 'tr1' }],
      ['transcript/get', { transcriptId: 'tr1' }],
    ]);
    await waitFor(() => expect(heading(page, 'h2', 'Jane Doe')).toBeTruthy());
    expect(textOf(page)).not.toContain('The background is not answering.');
  });

  it('a read error that is not a MessageError is said in words', async () => {
    const page = await show({
      connection: CONNECTED,
      answers: { 'transcript/opened': new TypeError('boom') },
    });
    expect(textOf(page)).toContain('Could not read this transcript.');
    expect(textOf(page)).not.toContain('boom');
  });

  it('reads again when the background says this transcript changed, not for another', async () => {
    const page = await show({
      connection: CONNECTED,
      answers: { 'transcript/opened': UNLINKED, 'transcript/get': LINKED },
    });
    await act(async () => {
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'transcript/changed', transcriptId: 'other', what: ['link'] },
        {},
      );
    });
    await settle();
    // The paint read answered first, then transcript/opened (unlinked), which is shown.
    expect(sent('transcript/get')).toHaveLength(1);
    expect(heading(page, 'h2', 'Jane Doe')).toBeFalsy();
    await act(async () => {
      await fakeBrowser.runtime.onMessage.trigger(
        { type: 'transcript/changed', transcriptId: 'tr1', what: ['link'] },
        {},
      );
    });
    await waitFor(() => expect(heading(page, 'h2', 'Jane Doe')).toBeTruthy());
    expect(sent('transcript/get')).toHaveLength(2);
  });

  describe('the panel command (its keyboard shortcut)', () => {
    const command = () =>
      act(async () => {
        await fakeBrowser.runtime.onMessage.trigger({ type: 'panel/command' }, {});
      });
    /** A control of the Trint page, which has the focus before the command. */
    const inPage = () => {
      const link = document.createElement('a');
      link.href = '#next';
      link.textContent = 'Next transcript';
      document.body.append(link);
      link.focus();
      return link;
    };
    afterEach(() => document.querySelector('a[href="#next"]')?.remove());
    /** What has the focus: a field by its type, a control by its accessible name. */
    const focused = () => {
      const active = document.activeElement as HTMLInputElement | null;
      if (active?.tagName === 'INPUT') return `${active.type} field`;
      return active?.getAttribute('aria-label') ?? textOf(active!);
    };

    it('puts the focus on the search field of an unlinked transcript', async () => {
      await show({ connection: CONNECTED, answers: { 'transcript/opened': UNLINKED } });
      const back = inPage();
      await command();
      expect(focused()).toBe('search field');
      // Escape gives the focus back to the page, where it was.
      await act(() => {
        document.activeElement!.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
        );
      });
      expect(document.activeElement).toBe(back);
    });

    it('puts the focus on the first quick action, which comes before the tags', async () => {
      const tags = ['vip', 'lead', 'late payer'];
      const tagged = { ...LINKED, contact: { ...LINKED.contact!, tags } };
      const page = await show({ connection: CONNECTED, answers: { 'transcript/opened': tagged } });
      expect(button(page, 'Remove tag late payer')).toBeTruthy();
      inPage();
      await command();
      expect(focused()).toBe('Log transcript');
      // In the page's order (the tab order) the quick actions come before the tags' buttons.
      const order = [...page.querySelectorAll('button')].map(
        (b) => b.getAttribute('aria-label') ?? textOf(b),
      );
      expect(order.indexOf('Add note')).toBeLessThan(order.indexOf('Remove tag vip'));
    });
  });

  it('collapses, remembers it, and opens again', async () => {
    const page = await show({ connection: CONNECTED, answers: { 'transcript/opened': LINKED } });
    await click(button(page, 'Hide the GHL for Trint panel'));
    await waitFor(() => expect(page.querySelector('.panel--collapsed')).toBeTruthy());
    expect(heading(page, 'h2', 'Jane Doe')).toBeUndefined();
    expect(page.querySelector('[role="separator"]')).toBeNull();
    const show_ = button(page, 'Show the GHL for Trint panel');
    expect(show_.getAttribute('aria-expanded')).toBe('false');
    expect((await fakeBrowser.storage.local.get(PANEL_LAYOUT_KEY))[PANEL_LAYOUT_KEY]).toEqual({
      version: 1,
      collapsed: true,
      width: 340,
    });

    await click(show_);
    await waitFor(() => expect(heading(page, 'h2', 'Jane Doe')).toBeTruthy());
    expect(button(page, 'Hide the GHL for Trint panel').getAttribute('aria-expanded')).toBe('true');
    expect((await fakeBrowser.storage.local.get(PANEL_LAYOUT_KEY))[PANEL_LAYOUT_KEY]).toMatchObject(
      { collapsed: false },
    );
  });

  it('starts collapsed when it was left collapsed', async () => {
    await fakeBrowser.storage.local.set({
      [PANEL_LAYOUT_KEY]: { version: 1, collapsed: true, width: 400 },
    });
    const page = await show({ connection: CONNECTED, answers: { 'transcript/opened': LINKED } });
    expect(button(page, 'Show the GHL for Trint panel')).toBeTruthy();
    expect(heading(page, 'h2', 'Jane Doe')).toBeUndefined();
  });

  it('takes its remembered width, and remembers a new one', async () => {
    await fakeBrowser.storage.local.set({
      [PANEL_LAYOUT_KEY]: { version: 1, collapsed: false, width: 400 },
    });
    const page = await show({ connection: CONNECTED, answers: { 'transcript/opened': LINKED } });
    const aside = page.querySelector<HTMLElement>('aside')!;
    expect(aside.style.getPropertyValue('--panel-width')).toBe('400px');
    const handle = page.querySelector('[role="separator"]')!;
    await act(() => {
      handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    await settle();
    expect((await fakeBrowser.storage.local.get(PANEL_LAYOUT_KEY))[PANEL_LAYOUT_KEY]).toMatchObject(
      { width: 424 },
    );
    await waitFor(() => expect(aside.style.getPropertyValue('--panel-width')).toBe('424px'));
  });

  it('says when the browser is offline, and not once it is back', async () => {
    const page = await show({ connection: CONNECTED, answers: { 'transcript/opened': LINKED } });
    expect(textOf(page)).not.toContain('You are offline.');
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(textOf(page)).toContain('You are offline.');
    onLine.mockReturnValue(true);
    await act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(textOf(page)).not.toContain('You are offline.');
  });

  it('shows a Sandbox marker for the sandbox connection', async () => {
    const page = await show({
      connection: { ...CONNECTED, kind: 'sandbox' },
      answers: { 'transcript/opened': LINKED },
    });
    expect(textOf(page.querySelector('header')!)).toContain('Sandbox');
  });
});

describe('TranscriptPanel: writes', () => {
  const stored: OutboxJobView = {
    id: 'j1',
    kind: 'task.complete',
    summary: 'Complete task ‘Send proposal’',
    status: 'queued',
    attempts: 0,
    createdAt: 1,
    nextAttemptAt: 0,
  };

  beforeEach(() => {
    fakeBrowser.reset();
    send.mockReset();
  });
  afterEach(() => unmount());

  it('queues a write in the outbox for this transcript, reads again and says so politely', async () => {
    const page = await show({
      connection: CONNECTED,
      answers: {
        'transcript/opened': LINKED,
        'transcript/get': LINKED,
        'outbox/enqueue': stored,
      },
    });
    await click(button(page, 'Complete task ‘Send proposal’'));
    expect(sent('outbox/enqueue')).toEqual([
      [
        'outbox/enqueue',
        {
          transcriptId: 'tr1',
          operation: { kind: 'task.complete', contactId: 'c1', taskId: 'task1', completed: true },
        },
      ],
    ]);
    // The paint read at open, then the read after the write.
    await waitFor(() => expect(sent('transcript/get')).toHaveLength(2));
    expect(statusText(page)).toContain('Task ‘Send proposal’ completed — sending to GHL');
    expect(alertText(page)).toBe('');
  });

  it('a refused write is announced as an alert, in the background’s words', async () => {
    const page = await show({
      connection: CONNECTED,
      answers: {
        'transcript/opened': LINKED,
        'outbox/enqueue': new MessageError('invalid', 'GHL would refuse this task: title missing.'),
      },
    });
    await click(button(page, 'Complete task ‘Send proposal’'));
    expect(sent('outbox/enqueue')).toHaveLength(1);
    expect(alertText(page)).toBe('GHL would refuse this task: title missing.');
    expect(statusText(page)).toBe('');
    // Only the paint read at open: a refused write reads nothing again.
    expect(sent('transcript/get')).toHaveLength(1);
  });

  it('a write that fails otherwise is announced in general words', async () => {
    const page = await show({
      connection: CONNECTED,
      answers: { 'transcript/opened': LINKED, 'outbox/enqueue': new TypeError('boom') },
    });
    await click(button(page, 'Complete task ‘Send proposal’'));
    expect(alertText(page)).toBe('That change could not be saved.');
  });

  it('read-only: no write controls, and the reason is said', async () => {
    const page = await show({
      connection: {
        ...CONNECTED,
        canWrite: false,
        readOnlyReason: 'Read-only: no contacts.write.',
      },
      answers: { 'transcript/opened': LINKED },
    });
    expect(textOf(page)).toContain('Read-only: no contacts.write.');
    expect(() => button(page, 'Complete task ‘Send proposal’')).toThrow();
    expect(() => button(page, 'Add task')).toThrow();
  });

  it('reconnect needed: says why, and still shows what the cache has', async () => {
    const page = await show({
      connection: { ...CONNECTED, state: 'reconnect-needed', reconnectReason: 'Token revoked.' },
      answers: { 'transcript/opened': LINKED },
    });
    expect(textOf(page.querySelector('.panel__notice[role="alert"]')!)).toBe(
      'Reconnect needed: Token revoked.',
    );
    expect(heading(page, 'h2', 'Jane Doe')).toBeTruthy();
    expect(() => button(page, 'Complete task ‘Send proposal’')).toThrow();
  });
});

describe('TranscriptPanel: writes that failed for good', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    send.mockReset();
  });
  afterEach(() => unmount());

  it('a new contact GHL refused for good is shown with its reason and Retry, before any link', async () => {
    const failed: OutboxJobView = {
      id: 'j1',
      kind: 'contact.create',
      summary: 'Create contact ‘Jane Doe’',
      status: 'failed',
      attempts: 3,
      createdAt: 1,
      nextAttemptAt: 0,
      error: { kind: 'validation', message: 'GHL refused: duplicate email.', at: 2 },
      transcriptId: 'tr1',
      operation: { kind: 'contact.create', body: { locationId: 'loc1', firstName: 'Jane' } },
    };
    const page = await show({
      connection: CONNECTED,
      answers: { 'transcript/opened': { ...UNLINKED, pending: [failed] } },
    });
    expect(heading(page, 'h2', 'Link a GHL contact')).toBeTruthy();
    expect(textOf(page)).toContain('GHL refused: duplicate email.');
    expect(button(page, 'Retry: Create contact ‘Jane Doe’')).toBeTruthy();
  });
});
