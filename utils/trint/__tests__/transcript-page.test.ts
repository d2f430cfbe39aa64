// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readTranscriptPage } from '../transcript-page';

/** A fake window: a real DOM parsed from `html`, at `href`. */
function pageAt(href: string, html: string, documentTitle = '') {
  const document = new DOMParser().parseFromString(html, 'text/html');
  document.title = documentTitle;
  return { location: { href } as Location, document };
}

const EDITOR = 'https://app.trint.com/editor/abc123';

describe('readTranscriptPage', () => {
  it.each([
    [
      'a test id',
      '<h2 data-testid="transcript-title"> Q3 call </h2><h1>Other</h1>',
      'Q3 call',
      '[data-testid="transcript-title"]',
    ],
    [
      'Trint’s public topbar class',
      '<h1>Other</h1><div class="TopbarTitleText">Board meeting</div>',
      'Board meeting',
      '.TopbarTitleText',
    ],
    [
      'a class name',
      '<div class="sc-1 TranscriptTitle-x">Interview\n  Jane</div>',
      'Interview Jane',
      '[class*="TranscriptTitle"]',
    ],
    ['the main heading', '<main><h1>Kick-off</h1></main>', 'Kick-off', 'main h1'],
    [
      'the heading of the ARIA main region',
      '<h1>Site</h1><div role="main"><h1>Retro</h1></div>',
      'Retro',
      '[role="main"] h1',
    ],
    [
      'an ARIA level-1 heading',
      '<div role="heading" aria-level="1">Standup</div>',
      'Standup',
      '[role="heading"][aria-level="1"]',
    ],
    ['any heading', '<h1>Fallback heading</h1>', 'Fallback heading', 'h1'],
  ])('reads the title from %s, and says which rule found it', (_name, html, title, rule) => {
    const page = readTranscriptPage(pageAt(EDITOR, html));
    expect(page.title).toBe(title);
    expect(page.titleRule).toBe(rule);
  });

  it('falls back to the document title without the product suffix', () => {
    const page = pageAt(EDITOR, '<p>no headings</p>', 'Sales call with Acme | Trint');
    expect(page.document.title).toBe('Sales call with Acme | Trint');
    expect(readTranscriptPage(page)).toMatchObject({
      title: 'Sales call with Acme',
      titleRule: 'document.title',
    });
  });

  it.each([
    ['Trint’s public class', '<span class="Speaker">Jane Doe</span>', '.Speaker'],
    [
      'a speaker-ish class inside Trint’s paragraph container',
      '<div class="ParagraphContainer"><b class="x-speakerLabel">Jane Doe</b> Hello.</div>',
      '.ParagraphContainer [class*="speaker" i]',
    ],
  ])('reads speakers from %s, and says which rule found them', (_name, html, rule) => {
    expect(readTranscriptPage(pageAt(EDITOR, html))).toMatchObject({
      speakers: ['Jane Doe'],
      speakersRule: rule,
    });
  });

  it('skips a blank title element and tries the next selector', () => {
    const html = '<span data-testid="transcript-title">   </span><h1>Real title</h1>';
    expect(readTranscriptPage(pageAt(EDITOR, html)).title).toBe('Real title');
  });

  it('bounds very long titles', () => {
    const title = readTranscriptPage(pageAt(EDITOR, `<h1>${'x'.repeat(5000)}</h1>`)).title;
    expect(title).toHaveLength(200);
  });

  it('reads distinct speaker names in page order', () => {
    const html = `
      <p><span data-testid="speaker-name">Jane Doe</span> Hello.</p>
      <p><span data-testid="speaker-name">Sam Lee</span> Hi.</p>
      <p><span data-testid="speaker-name"> Jane  Doe </span> Again.</p>`;
    expect(readTranscriptPage(pageAt(EDITOR, html)).speakers).toEqual(['Jane Doe', 'Sam Lee']);
  });

  it('prefers the data-speaker-name attribute over the element text', () => {
    const html = '<div data-speaker-name="Ana Ruiz">AR</div>';
    expect(readTranscriptPage(pageAt(EDITOR, html)).speakers).toEqual(['Ana Ruiz']);
  });

  it('keeps hostile text as plain data', () => {
    const html = '<span data-testid="speaker-name">&lt;img src=x onerror=alert(1)&gt;</span>';
    expect(readTranscriptPage(pageAt(EDITOR, html)).speakers).toEqual([
      '<img src=x onerror=alert(1)>',
    ]);
  });

  it('degrades to empty values when no selector matches', () => {
    expect(readTranscriptPage(pageAt(EDITOR, '<div>nothing known</div>'))).toEqual({
      transcriptId: 'abc123',
      title: undefined,
      speakers: [],
      titleRule: undefined,
      speakersRule: undefined,
    });
  });

  it('has no transcript id off the editor', () => {
    const page = pageAt('https://app.trint.com/trints', '<h1>Your files</h1>');
    expect(readTranscriptPage(page).transcriptId).toBeUndefined();
  });
});
