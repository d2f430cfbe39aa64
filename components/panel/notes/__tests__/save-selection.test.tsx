// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { button, click, mount, settle } from '@/components/sync/__tests__/render-page';
import { MAX_SELECTION_LENGTH, PANEL_HOST_TAG } from '@/utils/trint/transcript-selection';
import { PanelActionsContext, type PanelActions } from '../../panel-actions';
import { formatDayTime } from '../../panel-dates';
import { NoteSection } from '../note-section';

const page = { transcriptId: 'tr-alpha', title: 'Discovery call with Acme Corp', speakers: [] };
const QUOTE = 'Thanks for making the time today.';
const SAVED_AT = new Date(Date.UTC(2026, 10, 27, 14, 5));

const makeActions = (change: Partial<PanelActions> = {}): PanelActions => ({
  transcriptId: 'tr-alpha',
  canWrite: true,
  online: true,
  write: vi.fn(async () => true),
  announce: vi.fn(),
  ...change,
});

/** Trint's page beside the panel: a transcript paragraph, and our panel's shadow host. */
function addTrintPage() {
  const transcript = document.createElement('article');
  const paragraph = document.createElement('p');
  paragraph.textContent = QUOTE;
  transcript.append(paragraph);
  const host = document.createElement(PANEL_HOST_TAG);
  const inPanel = document.createElement('p');
  inPanel.textContent = 'Text inside the panel';
  host.attachShadow({ mode: 'open' }).append(inPanel);
  document.body.append(transcript, host);
  return { transcriptText: paragraph.firstChild!, panelText: inPanel.firstChild! };
}

/** Selects all of `node`'s text, as the person dragging over it; the page says so. */
async function select(node: Node | undefined) {
  await act(() => {
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    if (node) {
      const range = document.createRange();
      range.selectNodeContents(node);
      selection.addRange(range);
    }
    document.dispatchEvent(new Event('selectionchange'));
  });
  await settle();
}

let unmount = () => {};
async function show(actions = makeActions()) {
  const shown = await mount(
    <PanelActionsContext.Provider value={actions}>
      <NoteSection notes={[]} contactId="c1" page={page} />
    </PanelActionsContext.Provider>,
  );
  unmount = shown.unmount;
  return { container: shown.container, actions };
}

const saveButton = (container: Element) => button(container, 'Save selection as note');
const hintOf = (control: Element) =>
  document.getElementById(control.getAttribute('aria-describedby')!)?.textContent;

describe('Save selection as note', () => {
  let trint: ReturnType<typeof addTrintPage>;
  beforeEach(() => {
    trint = addTrintPage();
  });
  afterEach(() => {
    vi.useRealTimers();
    unmount();
    document.getSelection()?.removeAllRanges();
    document.body.replaceChildren();
  });

  it('takes a selection made before it showed, once it has painted, not while it renders', async () => {
    await select(trint.transcriptText);
    const read = vi.spyOn(document, 'getSelection');
    const { container } = await show();
    // Reading a selection lays the page out: not in the render that puts the panel on it.
    expect(read).not.toHaveBeenCalled();
    await settle();
    await settle();
    expect(read).toHaveBeenCalled();
    expect(saveButton(container).hasAttribute('disabled')).toBe(false);
  });

  it('waits for a selection, saying how to make one', async () => {
    const { container } = await show();
    expect(saveButton(container).disabled).toBe(true);
    expect(hintOf(saveButton(container))).toBe('Select text in the transcript first');
  });

  it('ignores a selection inside the panel', async () => {
    const { container } = await show();
    await select(trint.panelText);
    expect(document.getSelection()?.toString()).toBe('Text inside the panel');
    expect(saveButton(container).disabled).toBe(true);
  });

  it('saves the selected text as a note quoting it, with the title, time and a link back', async () => {
    const { container, actions } = await show();
    await select(trint.transcriptText);
    expect(saveButton(container).disabled).toBe(false);
    expect(hintOf(saveButton(container))).toBe(`Selected: “${QUOTE}”`);

    // Pressing the button must not move the page's selection first.
    const press = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    saveButton(container).dispatchEvent(press);
    expect(press.defaultPrevented).toBe(true);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SAVED_AT);
    await click(saveButton(container));
    vi.useRealTimers();
    expect(actions.write).toHaveBeenCalledExactlyOnceWith({
      kind: 'note.create',
      contactId: 'c1',
      body: {
        title: 'From Trint: Discovery call with Acme Corp',
        body: `“${QUOTE}”\n\n— Discovery call with Acme Corp, saved ${formatDayTime(SAVED_AT.toISOString())}\nhttps://app.trint.com/editor/tr-alpha`,
      },
    });
    expect(actions.announce).toHaveBeenCalledWith('Selection saved as a note — sending to GHL');
    // Saved once: the same selection is not offered again.
    expect(saveButton(container).disabled).toBe(true);
  });

  it('remembers the selection when it is cleared on the way to the button', async () => {
    const { container, actions } = await show();
    await select(trint.transcriptText);
    await select(undefined);
    await select(trint.panelText);
    await click(saveButton(container));
    const [operation] = vi.mocked(actions.write).mock.calls[0]!;
    expect(JSON.stringify(operation)).toContain(QUOTE);
  });

  it('says when a long selection was cut', async () => {
    const { container, actions } = await show();
    trint.transcriptText.textContent = 'word '.repeat(1000);
    await select(trint.transcriptText);
    await click(saveButton(container));
    const [operation] = vi.mocked(actions.write).mock.calls[0]!;
    expect(JSON.stringify(operation)).toContain('word word…”');
    expect(actions.announce).toHaveBeenCalledWith(
      `Selection saved as a note (its first ${MAX_SELECTION_LENGTH.toLocaleString()} characters) — sending to GHL`,
    );
  });

  it('keeps the selection when the write is refused', async () => {
    const { container, actions } = await show(makeActions({ write: vi.fn(async () => false) }));
    await select(trint.transcriptText);
    await click(saveButton(container));
    expect(actions.write).toHaveBeenCalledOnce();
    expect(actions.announce).not.toHaveBeenCalled();
    expect(saveButton(container).disabled).toBe(false);
  });

  it('is not offered when the panel is read-only', async () => {
    const { container } = await show(makeActions({ canWrite: false }));
    await select(trint.transcriptText);
    expect(() => saveButton(container)).toThrow();
  });
});
