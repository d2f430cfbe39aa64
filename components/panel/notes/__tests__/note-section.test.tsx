// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { button, click, input, mount, textOf, type } from '@/components/sync/__tests__/render-page';
import { PanelActionsContext, type PanelActions } from '../../panel-actions';
import type { PanelNote, Shown } from '../../panel-records';
import { formatDayTime } from '../../panel-dates';
import { NoteSection } from '../note-section';

const page = { transcriptId: 'tr-alpha', title: 'Discovery call', speakers: [] };
const callNotes: Shown<PanelNote> = {
  record: {
    id: 'n1',
    title: 'Call notes',
    body: 'Budget approved.\nSend the proposal.',
    dateAdded: '2026-11-20T10:00:00Z',
  },
};
const pinned: Shown<PanelNote> = {
  record: { id: 'n2', body: 'Prefers email', pinned: true, dateAdded: '2026-01-01T10:00:00Z' },
};
const newest: Shown<PanelNote> = {
  record: { id: 'n3', title: 'Newest', body: 'Latest', dateAdded: '2026-11-25T10:00:00Z' },
};

const makeActions = (change: Partial<PanelActions> = {}): PanelActions => ({
  transcriptId: 'tr-alpha',
  canWrite: true,
  online: true,
  write: vi.fn(async () => true),
  announce: vi.fn(),
  ...change,
});

let unmount = () => {};
async function show(notes: Shown<PanelNote>[], actions = makeActions(), contactId = 'c1') {
  const section = (listed: Shown<PanelNote>[]) => (
    <PanelActionsContext.Provider value={actions}>
      <NoteSection notes={listed} contactId={contactId} page={page} />
    </PanelActionsContext.Provider>
  );
  const shown = await mount(section(notes));
  unmount = shown.unmount;
  /** Draws the section again with `next`, as after a sync refreshed the cached notes. */
  const rerender = (next: Shown<PanelNote>[]) => act(() => render(section(next), shown.container));
  return { container: shown.container, actions, rerender };
}

const textarea = (container: Element, name = 'Note') => {
  const field = [...container.querySelectorAll('textarea')].find(
    (element) => container.querySelector(`label[for="${element.id}"]`)?.textContent === name,
  );
  if (!field) throw new Error(`No textarea named ${name}`);
  return field;
};
const fill = (field: HTMLTextAreaElement, value: string) =>
  type(field as unknown as HTMLInputElement, value);
const submit = (container: Element, name: string) =>
  click(button(container.querySelector('form')!, name));
const escape = (element: Element) =>
  act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
const notesHeading = (container: Element) => container.querySelector('h3')!;

describe('NoteSection', () => {
  afterEach(() => unmount());

  it('lists pinned notes first, then the newest, each with its date and marker', async () => {
    const { container } = await show([callNotes, pinned, newest]);
    const items = [...container.querySelectorAll('li')];
    const part = (item: Element, selector: string) => item.querySelector(selector)?.textContent;
    expect(items.map((item) => part(item, '.notes__body'))).toEqual([
      'Prefers email',
      'Latest',
      'Budget approved.\nSend the proposal.',
    ]);
    expect(items.map((item) => part(item, '.notes__title'))).toEqual([
      undefined,
      'Newest',
      'Call notes',
    ]);
    expect(items.map((item) => part(item, '.notes__pinned'))).toEqual([
      'Pinned',
      undefined,
      undefined,
    ]);
    const added = items[0]!.querySelector('time');
    expect(added?.getAttribute('datetime')).toBe('2026-01-01T10:00:00Z');
    expect(added?.textContent).toBe(formatDayTime('2026-01-01T10:00:00Z'));
  });

  it('keeps the line breaks of a note as text', async () => {
    const { container } = await show([callNotes]);
    const body = container.querySelector('.notes__body')!;
    expect(body.textContent).toBe('Budget approved.\nSend the proposal.');
    expect(body.children).toHaveLength(0);
  });

  it.each(['<script>document.body.remove()</script>', '<img src=x onerror=alert(1)>'])(
    'renders the hostile note %s as text',
    async (hostile) => {
      const { container } = await show([{ record: { id: 'h1', title: hostile, body: hostile } }]);
      expect(container.querySelector('script, img')).toBeNull();
      expect(container.querySelector('.notes__title')?.textContent).toBe(hostile);
      expect(container.querySelector('.notes__body')?.textContent).toBe(hostile);
      expect(button(container, `Edit note ‘${hostile}’`)).toBeTruthy();
    },
  );

  it('says so when there are no notes', async () => {
    const { container } = await show([]);
    expect(textOf(container)).toContain('No notes on this transcript yet.');
    expect(container.querySelector('ul')).toBeNull();
  });

  it('creates a note with what was filled in, then returns focus', async () => {
    const { container, actions } = await show([]);
    await click(button(container, 'New note'));
    expect(document.activeElement).toBe(input(container, 'Title (optional)'));
    await type(input(container, 'Title (optional)'), '  Follow-up ');
    await fill(textarea(container), '  Call back on Monday.\nAsk about budget.  ');
    await click(input(container, 'Pinned'));
    await submit(container, 'Add note');
    expect(actions.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'note.create',
      contactId: 'c1',
      body: { body: 'Call back on Monday.\nAsk about budget.', title: 'Follow-up', pinned: true },
    });
    expect(actions.announce).toHaveBeenCalledWith('Note added — sending to GHL');
    expect(container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(container, 'New note'));
  });

  it('sends only the body when the title is empty and the note is not pinned', async () => {
    const { container, actions } = await show([]);
    await click(button(container, 'New note'));
    await fill(textarea(container), 'Just text');
    await submit(container, 'Add note');
    expect(actions.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'note.create',
      contactId: 'c1',
      body: { body: 'Just text' },
    });
  });

  it('sends nothing for an empty note, and says why on the field', async () => {
    const { container, actions } = await show([]);
    await click(button(container, 'New note'));
    await type(input(container, 'Title (optional)'), 'Only a title');
    await fill(textarea(container), '   \n ');
    await submit(container, 'Add note');
    expect(actions.write).not.toHaveBeenCalled();
    const field = textarea(container);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const error = container.querySelector(
      `#${CSS.escape(field.getAttribute('aria-describedby')!)}`,
    );
    expect(error?.textContent).toBe('Write the note first: a note needs some text.');
    expect(document.activeElement).toBe(field);
  });

  it('keeps the form and what was typed when the write is refused', async () => {
    const { container, actions } = await show([], makeActions({ write: vi.fn(async () => false) }));
    await click(button(container, 'New note'));
    await fill(textarea(container), 'Keep me');
    await submit(container, 'Add note');
    expect(actions.write).toHaveBeenCalledOnce();
    expect(actions.announce).not.toHaveBeenCalled();
    expect(textarea(container).value).toBe('Keep me');
    expect(button(container.querySelector('form')!, 'Add note').disabled).toBe(false);
  });

  it.each([
    [
      'the text',
      async (c: Element) => fill(textarea(c), 'Budget approved.'),
      { body: 'Budget approved.' },
    ],
    ['the title', async (c: Element) => type(input(c, 'Title (optional)'), ''), { title: '' }],
    ['pinned', async (c: Element) => click(input(c, 'Pinned')), { pinned: true }],
  ])('edits %s and sends only that change', async (_name, change, body) => {
    const { container, actions } = await show([callNotes]);
    await click(button(container, 'Edit note ‘Call notes’'));
    expect(container.querySelector('form')?.getAttribute('aria-label')).toBe(
      'Edit note ‘Call notes’',
    );
    expect(textarea(container).value).toBe('Budget approved.\nSend the proposal.');
    await change(container);
    await submit(container, 'Save note');
    expect(actions.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'note.update',
      contactId: 'c1',
      noteId: 'n1',
      body,
    });
    expect(actions.announce).toHaveBeenCalledWith('Note saved — sending to GHL');
    // The note is redrawn "Saving…" with its Edit button disabled: the focus waits on the heading.
    expect(document.activeElement).toBe(notesHeading(container));
    expect(textOf(notesHeading(container))).toBe('Notes');
  });

  it("sends only what was typed, not the form's old value of a field GHL changed meanwhile", async () => {
    const { container, actions, rerender } = await show([callNotes]);
    await click(button(container, 'Edit note ‘Call notes’'));
    // A colleague edited the text and pinned the note in GHL while the form was open.
    await rerender([{ record: { ...callNotes.record, body: 'Budget cut.', pinned: true } }]);
    await type(input(container, 'Title (optional)'), 'Call summary');
    await submit(container, 'Save note');
    expect(actions.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'note.update',
      contactId: 'c1',
      noteId: 'n1',
      body: { title: 'Call summary' },
    });
  });

  it('Escape cancels a new note and gives the focus back to New note', async () => {
    const { container, actions } = await show([]);
    await click(button(container, 'New note'));
    await fill(textarea(container), 'Half typed');
    await escape(textarea(container));
    expect(container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(container, 'New note'));
    expect(actions.write).not.toHaveBeenCalled();
  });

  it('Escape cancels an edit and gives the focus back to its Edit button', async () => {
    const { container, actions } = await show([callNotes]);
    await click(button(container, 'Edit note ‘Call notes’'));
    await escape(input(container, 'Title (optional)'));
    expect(container.querySelector('form')).toBeNull();
    expect(document.activeElement).toBe(button(container, 'Edit note ‘Call notes’'));
    expect(actions.write).not.toHaveBeenCalled();
  });

  it('sends nothing when an edit changes nothing', async () => {
    const { container, actions } = await show([callNotes]);
    await click(button(container, 'Edit note ‘Call notes’'));
    await submit(container, 'Save note');
    expect(actions.write).not.toHaveBeenCalled();
    expect(container.querySelector('form')).toBeNull();
  });

  it('deletes only after a confirmation that names the note', async () => {
    const { container, actions } = await show([pinned]);
    await click(button(container, 'Delete note ‘Prefers email’'));
    expect(textOf(container.querySelector('[role="group"]')!)).toContain(
      'Delete note ‘Prefers email’? It is deleted in GHL for everyone.',
    );
    expect(actions.write).not.toHaveBeenCalled();
    await click(button(container, 'Yes, delete'));
    expect(actions.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'note.delete',
      contactId: 'c1',
      noteId: 'n2',
    });
    expect(actions.announce).toHaveBeenCalledWith('Note deleted — sending to GHL');
    expect(document.activeElement).toBe(notesHeading(container));
  });

  it('puts the focus on the Notes heading at once when a delete is confirmed', async () => {
    // The Delete button is disabled as soon as the write is pending: focus must not go back to it.
    const { container } = await show(
      [pinned],
      makeActions({ write: vi.fn(() => new Promise<boolean>(() => {})) }),
    );
    await click(button(container, 'Delete note ‘Prefers email’'));
    await click(button(container, 'Yes, delete'));
    expect(document.activeElement).toBe(notesHeading(container));
    expect(notesHeading(container).tabIndex).toBe(-1);
  });

  it('marks notes on their way to GHL and locks them', async () => {
    const { container } = await show([
      { record: { id: 'pending-j1', body: 'Just added' }, pending: 'saving' },
      { ...callNotes, pending: 'deleting' },
      { record: { id: 'pending-j2', body: 'Not yet in GHL' } },
    ]);
    const item = (text: string) =>
      [...container.querySelectorAll('li')].find((li) => textOf(li).includes(text))!;
    expect(textOf(item('Just added'))).toContain('Saving…');
    expect(item('Just added').getAttribute('aria-busy')).toBe('true');
    expect(textOf(item('Call notes'))).toContain('Deleting…');
    expect(textOf(item('Not yet in GHL'))).not.toMatch(/Saving|Deleting/);
    for (const name of ['note ‘Just added’', 'note ‘Call notes’', 'note ‘Not yet in GHL’']) {
      expect(button(container, `Edit ${name}`).disabled).toBe(true);
      expect(button(container, `Delete ${name}`).disabled).toBe(true);
    }
  });

  it('shows no write controls when the panel is read-only', async () => {
    const { container } = await show([callNotes], makeActions({ canWrite: false }));
    expect(textOf(container)).toContain('Budget approved.');
    expect(container.querySelectorAll('button:not(.panel__disclosure)')).toHaveLength(0);
  });

  it('shows no write controls while the contact is not in GHL yet', async () => {
    const { container } = await show([callNotes], makeActions(), 'pending-j9');
    expect(container.querySelectorAll('button:not(.panel__disclosure)')).toHaveLength(0);
  });

  it('collapses a long note behind a toggle named for it', async () => {
    const long = { record: { id: 'n9', title: 'Long one', body: 'line\n'.repeat(10) } };
    const { container } = await show([long, callNotes]);
    expect(() => button(container, 'Show more of note ‘Call notes’')).toThrow();
    const toggle = button(container, 'Show more of note ‘Long one’');
    expect(toggle.textContent).toBe('Show more');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const body = container.querySelector(`#${CSS.escape(toggle.getAttribute('aria-controls')!)}`);
    expect(body?.classList.contains('notes__body--collapsed')).toBe(true);
    await click(toggle);
    const shown = button(container, 'Show less of note ‘Long one’');
    expect(shown.getAttribute('aria-expanded')).toBe('true');
    expect(body?.classList.contains('notes__body--collapsed')).toBe(false);
    await act(() => shown.click());
    expect(button(container, 'Show more of note ‘Long one’')).toBeTruthy();
  });
});
