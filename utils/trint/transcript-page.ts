import { parseTranscriptId } from './transcript-url';

/** What the extension knows about the Trint page it runs on. */
export interface TranscriptPage {
  /** From the URL; `undefined` when the page is not a transcript editor. */
  transcriptId: string | undefined;
  /** Best-effort: the transcript's title, or `undefined` when no selector matched. */
  title: string | undefined;
  /** Best-effort: distinct speaker names in page order; empty when none were found. */
  speakers: string[];
}

/** A page that is a transcript editor: the panel shows only on these. */
export type EditorPage = TranscriptPage & { transcriptId: string };

/** Whether `page` is a transcript editor. */
export function isEditorPage(page: TranscriptPage): page is EditorPage {
  return page.transcriptId !== undefined;
}

/**
 * Trint's DOM is not a public contract and changes without notice, so every read below tries a
 * list of selectors, most specific first, and an empty result is a normal outcome. Keep all
 * knowledge of Trint's markup in this file.
 */
/** Where the title is looked for, first match wins (exported for the watcher's read-count test). */
export const TITLE_SELECTORS = [
  '[data-testid="transcript-title"]',
  '[data-test="transcript-title"]',
  '[class*="TranscriptTitle"]',
  '[class*="transcript-title"]',
  'main h1',
  'h1',
];
const SPEAKER_SELECTORS = [
  '[data-testid="speaker-name"]',
  '[data-speaker-name]',
  '[class*="SpeakerName"]',
  '[class*="speaker-name"]',
];
/** Trint's document titles end with the product name, which is not part of the transcript's. */
const DOCUMENT_TITLE_SUFFIX = /\s*[|\-–—]\s*Trint\s*$/i;
const MAX_TEXT_LENGTH = 200;
const MAX_SPEAKERS = 20;

/** Reads the transcript id, title and speaker names from a Trint page. Never throws. */
export function readTranscriptPage(win: Pick<Window, 'location' | 'document'>): TranscriptPage {
  return {
    transcriptId: parseTranscriptId(win.location.href),
    title: readTitle(win.document),
    speakers: readSpeakers(win.document),
  };
}

function readTitle(doc: Document): string | undefined {
  for (const selector of TITLE_SELECTORS) {
    const text = cleanText(doc.querySelector(selector)?.textContent);
    if (text) return text;
  }
  return cleanText(doc.title.replace(DOCUMENT_TITLE_SUFFIX, ''));
}

function readSpeakers(doc: Document): string[] {
  for (const selector of SPEAKER_SELECTORS) {
    const names = new Set<string>();
    for (const element of doc.querySelectorAll(selector)) {
      const name = cleanText(element.getAttribute('data-speaker-name') ?? element.textContent);
      if (name) names.add(name);
      if (names.size === MAX_SPEAKERS) break;
    }
    if (names.size > 0) return [...names];
  }
  return [];
}

/** Collapses whitespace and bounds the length, so odd markup can't yield a huge or blank value. */
function cleanText(text: string | null | undefined): string | undefined {
  const cleaned = text?.replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT_LENGTH);
  return cleaned || undefined;
}
