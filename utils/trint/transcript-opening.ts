/**
 * Reads the first paragraphs of the transcript on a Trint page, for "Log this transcript to GHL".
 * Like transcript-page.ts it relies on no particular Trint markup: the selectors below go from
 * Trint's own names to any paragraph in the page's main content, and an empty result is normal.
 * It never throws.
 */

/** How much of the transcript a log quotes at most: a note stays readable in GHL. */
export const MAX_OPENING_LENGTH = 1500;
const CUT_MARK = '…';

/** Most specific first; each lists the transcript's paragraphs in page order. */
const PARAGRAPH_SELECTORS = [
  '[data-testid="transcript-paragraph"]',
  '[data-testid="transcript-body"] p',
  'article p',
  'main p',
];

/**
 * The transcript's first paragraphs, one per line, whole paragraphs up to `max` characters (a
 * first paragraph longer than that is cut and marked "…"); `undefined` when none is found.
 */
export function readTranscriptOpening(
  win: Pick<Window, 'document'>,
  max = MAX_OPENING_LENGTH,
): string | undefined {
  for (const selector of PARAGRAPH_SELECTORS) {
    let text = '';
    for (const element of win.document.querySelectorAll(selector)) {
      const paragraph = element.textContent?.replace(/\s+/g, ' ').trim();
      if (!paragraph) continue;
      const next = text ? `${text}\n${paragraph}` : paragraph;
      // Whole paragraphs only; a first one longer than the limit is cut and marked.
      if (next.length > max) return text || `${next.slice(0, max - CUT_MARK.length)}${CUT_MARK}`;
      text = next;
    }
    if (text) return text;
  }
  return undefined;
}
