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
  '[class*="TranscriptParagraph"]',
  '[class*="transcript-paragraph"]',
  '[data-testid="transcript-body"] p',
  '[data-testid="transcript-editor"] p',
  'main article p',
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
  try {
    for (const selector of PARAGRAPH_SELECTORS) {
      const paragraphs = [...win.document.querySelectorAll(selector)]
        .map((element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '')
        .filter(Boolean);
      if (paragraphs.length > 0) return upTo(paragraphs, max);
    }
  } catch {
    // An odd page state is "nothing found", never an error in the panel.
  }
  return undefined;
}

function upTo(paragraphs: string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const paragraph of paragraphs) {
    const next = length + (kept.length > 0 ? 1 : 0) + paragraph.length;
    if (next > max) {
      if (kept.length === 0) kept.push(`${paragraph.slice(0, max - CUT_MARK.length)}${CUT_MARK}`);
      break;
    }
    kept.push(paragraph);
    length = next;
  }
  return kept.join('\n');
}
