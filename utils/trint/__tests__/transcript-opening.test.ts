// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readTranscriptOpening } from '../transcript-opening';

/** A page whose body is `html`. */
function page(html: string): Pick<Window, 'document'> {
  const document = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return { document };
}

describe('readTranscriptOpening', () => {
  it('takes whole paragraphs in order, one per line, up to the limit', () => {
    const win = page(
      '<article><h1>Call</h1><p><span>Jane</span> Hello   there.</p><p>Second.</p><p>Third one.</p></article>',
    );
    expect(readTranscriptOpening(win)).toBe('Jane Hello there.\nSecond.\nThird one.');
    expect(readTranscriptOpening(win, 26)).toBe('Jane Hello there.\nSecond.');
  });

  it('prefers Trint’s own paragraph markup over any paragraph', () => {
    const win = page(
      '<main><p>Menu</p><div data-testid="transcript-paragraph">Spoken words</div></main>',
    );
    expect(readTranscriptOpening(win)).toBe('Spoken words');
  });

  it('cuts a first paragraph longer than the limit, marked', () => {
    const text = readTranscriptOpening(page(`<article><p>${'a'.repeat(50)}</p></article>`), 10);
    expect(text).toBe(`${'a'.repeat(9)}…`);
  });

  it('finds nothing on a page without paragraphs', () => {
    expect(readTranscriptOpening(page('<div>Loading</div>'))).toBeUndefined();
    expect(readTranscriptOpening(page('<article><p>   </p></article>'))).toBeUndefined();
  });
});
