import type { CreateNoteInput } from '@/utils/ghl/schemas/note-schemas';
import type { LogContent } from '@/utils/storage/log-settings-item';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { transcriptUrl } from '@/utils/trint/transcript-url';
import { formatDayTime } from '../panel-dates';

/** What a transcript's log note is built from. */
export interface LogNoteInput {
  page: Pick<EditorPage, 'transcriptId' | 'title' | 'speakers'>;
  /** The Trint origin of the page (its link leads there); app.trint.com when left out. */
  trintOrigin?: string;
  loggedAt: Date;
  content: LogContent;
  /** The person's selection on the page, if any (already tidied and capped). */
  selection?: string;
  /** The transcript's first paragraphs, if the page has any (read only when needed). */
  opening?: () => string | undefined;
  /** For tests; the person's locale when left out. */
  locale?: string;
}

/**
 * The GHL note (`NotesDTO`: title and body) that logs a transcript on its contact:
 *
 *     title: Transcript: Discovery call
 *     body:  Trint transcript: Discovery call
 *            https://app.trint.com/editor/tr-alpha
 *            Logged 7 Dec 2026, 16:25
 *            Speakers: Jane Doe, Sam Lee
 *
 *            Selected text:
 *            “Thanks for making the time.”
 *
 * The text part follows the "what to log" setting: the selection (or, with none, the first
 * paragraphs), the first paragraphs, or nothing beyond the link.
 */
export function logNote(input: LogNoteInput): CreateNoteInput {
  const title = input.page.title?.trim() || 'Untitled transcript';
  const lines = [
    `Trint transcript: ${title}`,
    transcriptUrl(input.page.transcriptId, input.trintOrigin),
    `Logged ${formatDayTime(input.loggedAt.toISOString(), input.locale)}`,
  ];
  if (input.page.speakers.length > 0) lines.push(`Speakers: ${input.page.speakers.join(', ')}`);
  const text = chosenText(input);
  if (text) lines.push('', text.heading, text.body);
  return { title: `Transcript: ${title}`, body: lines.join('\n') };
}

function chosenText({ content, selection, opening }: LogNoteInput) {
  if (content === 'link') return undefined;
  if (content === 'selection-or-opening' && selection?.trim()) {
    return { heading: 'Selected text:', body: `“${selection.trim()}”` };
  }
  const start = opening?.();
  return start ? { heading: 'From the start:', body: start } : undefined;
}
