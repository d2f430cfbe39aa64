/**
 * Reads the text a person selected on a Trint page, for "Save selection as note". Like
 * transcript-page.ts, it relies on no particular Trint markup: it prefers the part of the
 * selection inside the transcript's body when one of the selectors below finds it, and otherwise
 * takes any selection on the page, except one inside our own panel. It never throws.
 */

/** The tag of the panel's shadow host (see entrypoints/trint.content/panel-lifecycle.tsx). */
export const PANEL_HOST_TAG = 'ghl-trint-panel';

/**
 * GHL documents no length limit for a note's body (apps/contacts.json `NotesDTO`), so the quote is
 * capped here at a size a note can still be read at: a longer selection is cut and marked "…".
 */
export const MAX_SELECTION_LENGTH = 4000;
const CUT_MARK = '…';

/** Most specific first; the last ones are broad, and only narrow a selection that starts there. */
const TRANSCRIPT_BODY_SELECTORS = [
  '[data-testid="transcript-body"]',
  '[data-testid="transcript-editor"]',
  '[class*="TranscriptEditor"]',
  '[class*="transcript-editor"]',
  '[class*="TranscriptBody"]',
  '[class*="transcript-body"]',
  '[contenteditable="true"]',
];

/**
 * The selected text, whitespace tidied and at most {@link MAX_SELECTION_LENGTH} characters;
 * `undefined` when nothing is selected or the selection is inside the panel.
 */
export function readTranscriptSelection(win: Pick<Window, 'document'>): string | undefined {
  try {
    const doc = win.document;
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
    const range = selection.getRangeAt(0);
    const body = transcriptBody(doc, range);
    if (body) {
      // Wholly inside the transcript: the browser's own text keeps paragraph breaks.
      const inside = body.contains(range.startContainer) && body.contains(range.endContainer);
      return tidy(inside ? selection.toString() : clip(doc, range, body).toString());
    }
    if (isInPanel(doc, selection, range)) return undefined;
    return tidy(selection.toString());
  } catch {
    // A detached node or an odd page state is "nothing selected", never an error in the panel.
    return undefined;
  }
}

/** Whether {@link readTranscriptSelection} cut `text` to its maximum length. */
export function isCutSelection(text: string): boolean {
  return text.length === MAX_SELECTION_LENGTH && text.endsWith(CUT_MARK);
}

/** The transcript's body as the page has it (where Escape in the panel sends the focus back). */
export function findTranscriptBody(doc: Document): Element | undefined {
  for (const selector of TRANSCRIPT_BODY_SELECTORS) {
    const body = doc.querySelector(selector);
    if (body) return body;
  }
  return undefined;
}

/** The transcript's body, when a selector finds it and the selection reaches into it. */
function transcriptBody(doc: Document, range: Range): Element | undefined {
  for (const selector of TRANSCRIPT_BODY_SELECTORS) {
    for (const element of doc.querySelectorAll(selector)) {
      if (range.intersectsNode(element)) return element;
    }
  }
  return undefined;
}

/** The part of `range` inside `element` (a selection dragged past the transcript's edges). */
function clip(doc: Document, range: Range, element: Element): Range {
  const bounds = doc.createRange();
  bounds.selectNodeContents(element);
  const clipped = range.cloneRange();
  if (range.compareBoundaryPoints(bounds.START_TO_START, bounds) < 0) {
    clipped.setStart(bounds.startContainer, bounds.startOffset);
  }
  if (range.compareBoundaryPoints(bounds.END_TO_END, bounds) > 0) {
    clipped.setEnd(bounds.endContainer, bounds.endOffset);
  }
  return clipped;
}

/**
 * Whether the selection is in the panel: an end inside the shadow host (crossing its shadow
 * root), or a range that reaches over the host. Browsers differ in how `document.getSelection()`
 * reports a selection made inside a shadow root (the shadow nodes, or the host's place in the
 * page), so both are treated as the panel's.
 */
function isInPanel(doc: Document, selection: Selection, range: Range): boolean {
  for (const host of doc.querySelectorAll(PANEL_HOST_TAG)) {
    if (within(selection.anchorNode, host) || within(selection.focusNode, host)) return true;
    if (range.intersectsNode(host)) return true;
  }
  return false;
}

/** `node` is `host` or below it, crossing shadow roots. */
function within(node: Node | null, host: Element): boolean {
  for (let at: Node | null = node; at; at = at.parentNode ?? shadowHost(at)) {
    if (at === host) return true;
  }
  return false;
}

const shadowHost = (node: Node): Element | null =>
  'host' in node && node.nodeType === 11 ? (node as ShadowRoot).host : null;

/** Trims, drops blank-line runs and stray spaces, and caps the length. */
function tidy(text: string): string | undefined {
  const tidied = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (tidied.length <= MAX_SELECTION_LENGTH) return tidied || undefined;
  return `${tidied.slice(0, MAX_SELECTION_LENGTH - CUT_MARK.length)}${CUT_MARK}`;
}
