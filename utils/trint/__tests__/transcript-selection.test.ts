// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  isCutSelection,
  MAX_SELECTION_LENGTH,
  PANEL_HOST_TAG,
  readTranscriptSelection,
} from '../transcript-selection';

/** The page's text node holding `text` (first match). */
function textNode(text: string): Text {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.includes(text)) return node as Text;
  }
  throw new Error(`No text node with ${text}`);
}

/** Selects from the start of `from` to the end of `to`, as a person dragging would. */
function select(from: Node, to: Node = from) {
  const range = document.createRange();
  range.setStart(from, 0);
  range.setEnd(to, to.textContent?.length ?? 0);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** A panel host like the real one: a shadow root with its own text. */
function addPanel(): Text {
  const host = document.createElement(PANEL_HOST_TAG);
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const p = document.createElement('p');
  p.textContent = 'Panel text';
  root.append(p);
  return p.firstChild as Text;
}

describe('readTranscriptSelection', () => {
  afterEach(() => {
    document.getSelection()?.removeAllRanges();
    document.body.replaceChildren();
  });

  it.each([
    ['nothing selected', '<p>Hello</p>', undefined, undefined],
    [
      'a selection in the page',
      '<p>  Thanks for   the time.  </p>',
      'Thanks',
      'Thanks for the time.',
    ],
    [
      'a selection of markup-looking text',
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
      'img',
      '<img src=x onerror=alert(1)>',
    ],
    ['a blank selection', '<p>Hello</p><p>   </p>', '   ', undefined],
  ])('reads %s', (_name, html, from, expected) => {
    document.body.innerHTML = html;
    if (from !== undefined) select(textNode(from));
    expect(readTranscriptSelection(window)).toBe(expected);
  });

  it('keeps only the part inside the transcript body when the selection runs past it', () => {
    document.body.innerHTML = `
      <header><h1>Title bar</h1></header>
      <div data-testid="transcript-body"><p>Jane: Hello there.</p><p>Sam: Hi.</p></div>
      <footer>Footer</footer>`;
    select(textNode('Title bar'), textNode('Footer'));
    expect(readTranscriptSelection(window)).toBe('Jane: Hello there.Sam: Hi.');
  });

  it('reads a selection wholly inside the transcript body as the browser gives it', () => {
    document.body.innerHTML = '<div contenteditable="true"><p>One line of speech.</p></div>';
    select(textNode('One line'));
    expect(readTranscriptSelection(window)).toBe('One line of speech.');
  });

  it('ignores a selection inside the panel', () => {
    document.body.innerHTML = '<p>Transcript words</p>';
    const panelText = addPanel();
    select(panelText);
    expect(document.getSelection()?.toString()).toBe('Panel text');
    expect(readTranscriptSelection(window)).toBeUndefined();
  });

  it('ignores a page selection that reaches into the panel', () => {
    document.body.innerHTML = '<p>Before</p>';
    addPanel();
    const range = document.createRange();
    range.setStart(textNode('Before'), 0);
    range.setEndAfter(document.querySelector(PANEL_HOST_TAG)!);
    document.getSelection()!.addRange(range);
    expect(document.getSelection()?.toString()).toBe('Before');
    expect(readTranscriptSelection(window)).toBeUndefined();
  });

  it('tidies whitespace but keeps paragraph breaks', () => {
    document.body.innerHTML = '<p>x</p>';
    const fake = {
      document: {
        getSelection: () =>
          ({
            rangeCount: 1,
            isCollapsed: false,
            getRangeAt: () => document.createRange(),
            toString: () => '\r\n  First\u00a0 line \r\n\r\n\r\n\t second line \n',
          }) as unknown as Selection,
        querySelectorAll: () => [],
      } as unknown as Document,
    };
    expect(readTranscriptSelection(fake)).toBe('First line\n\nsecond line');
  });

  it(`cuts a selection longer than ${MAX_SELECTION_LENGTH} characters and marks it`, () => {
    document.body.innerHTML = `<p>${'word '.repeat(2000)}</p>`;
    select(textNode('word'));
    const text = readTranscriptSelection(window)!;
    expect(text).toHaveLength(MAX_SELECTION_LENGTH);
    expect(text.endsWith('…')).toBe(true);
    expect(isCutSelection(text)).toBe(true);
    expect(isCutSelection('word word')).toBe(false);
  });

  it('never throws on an odd page', () => {
    const broken = {
      document: {
        getSelection: () => {
          throw new Error('detached');
        },
      } as unknown as Document,
    };
    expect(readTranscriptSelection(broken)).toBeUndefined();
  });
});
