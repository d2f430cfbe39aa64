import { parseTranscriptId } from './transcript-url';

/** What the extension knows about the Trint page it runs on. */
export interface TranscriptPage {
  /** From the URL; `undefined` when the page is not a transcript editor. */
  transcriptId: string | undefined;
  /** Best-effort: the transcript's title, or `undefined` when no selector matched. */
  title: string | undefined;
  /** Best-effort: distinct speaker names in page order; empty when none were found. */
  speakers: string[];
  /** Which rule found the title (a selector of {@link TITLE_SELECTORS}, or `document.title`). */
  titleRule?: string;
  /** Which selector found the speakers; `undefined` when none did. */
  speakersRule?: string;
}

/** A page that is a transcript editor: the panel shows only on these. */
export type EditorPage = TranscriptPage & { transcriptId: string };

/** Whether `page` is a transcript editor. */
export function isEditorPage(page: TranscriptPage): page is EditorPage {
  return page.transcriptId !== undefined;
}

/**
 * Trint's DOM is not a public contract and changes without notice, so every read below tries a
 * list of rules, most specific first, and an empty result is a normal outcome; each result says
 * which rule found it, so a miss or a fall to a loose rule shows (the options page's "Trint page
 * reading"). Keep all knowledge of Trint's markup in this file. `.TopbarTitleText`, `.Speaker` and
 * `.ParagraphContainer` are class names of Trint's public 2017 stylesheet; the ARIA rules hold for
 * any page that marks its main region and headings.
 */
/** Where the title is looked for, first match wins (exported for the watcher's read-count test). */
export const TITLE_SELECTORS = [
  '[data-testid="transcript-title"]',
  '[data-test="transcript-title"]',
  '.TopbarTitleText',
  '[class*="TranscriptTitle"]',
  '[class*="transcript-title"]',
  'main h1',
  '[role="main"] h1',
  '[role="heading"][aria-level="1"]',
  'h1',
];
/** The last title rule: the tab's title, which every page has. */
export const DOCUMENT_TITLE_RULE = 'document.title';
/** Every rule that may find a title, in the order they are tried (the options page names them). */
export const KNOWN_TITLE_RULES: readonly string[] = [...TITLE_SELECTORS, DOCUMENT_TITLE_RULE];
/** Every rule that may find the speakers, in the order they are tried. */
export const KNOWN_SPEAKER_RULES: readonly string[] = [
  '[data-testid="speaker-name"]',
  '[data-speaker-name]',
  '.Speaker',
  '[class*="SpeakerName"]',
  '[class*="speaker-name"]',
  '.ParagraphContainer [class*="speaker" i]',
];
/** Trint's document titles end with the product name, which is not part of the transcript's. */
const DOCUMENT_TITLE_SUFFIX = /\s*[|\-–—]\s*Trint\s*$/i;
const MAX_TEXT_LENGTH = 200;
const MAX_SPEAKERS = 20;

/** Reads the transcript id, title and speaker names from a Trint page. Never throws. */
export function readTranscriptPage(win: Pick<Window, 'location' | 'document'>): TranscriptPage {
  const [title, titleRule] = readTitle(win.document);
  const [speakers, speakersRule] = readSpeakers(win.document);
  return {
    transcriptId: parseTranscriptId(win.location.href),
    title,
    speakers,
    titleRule,
    speakersRule,
  };
}

function readTitle(doc: Document): [string | undefined, string | undefined] {
  for (const selector of TITLE_SELECTORS) {
    const text = cleanText(doc.querySelector(selector)?.textContent);
    if (text) return [text, selector];
  }
  const text = cleanText(doc.title.replace(DOCUMENT_TITLE_SUFFIX, ''));
  return [text, text && DOCUMENT_TITLE_RULE];
}

function readSpeakers(doc: Document): [string[], string | undefined] {
  for (const selector of KNOWN_SPEAKER_RULES) {
    const names = new Set<string>();
    for (const element of doc.querySelectorAll(selector)) {
      const name = cleanText(element.getAttribute('data-speaker-name') ?? element.textContent);
      if (name) names.add(name);
      if (names.size === MAX_SPEAKERS) break;
    }
    if (names.size > 0) return [[...names], selector];
  }
  return [[], undefined];
}

/** Collapses whitespace and bounds the length, so odd markup can't yield a huge or blank value. */
function cleanText(text: string | null | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_LENGTH);
  return cleaned || undefined;
}
