import type { CreateNoteInput } from '@/utils/ghl/schemas/note-schemas';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { transcriptUrl } from '@/utils/trint/transcript-url';
import { formatDayTime } from '../panel-dates';

/** What a note made from a transcript selection is built from. */
export interface SelectionNoteInput {
  /** The selected text, as readTranscriptSelection gives it (already tidied and capped). */
  selection: string;
  page: Pick<EditorPage, 'transcriptId' | 'title'>;
  /** The Trint origin of the page (its link leads there); app.trint.com when left out. */
  trintOrigin?: string;
  /** When the person saved it; shown in their locale and time zone. */
  savedAt: Date;
  /** For tests; the person's locale when left out. */
  locale?: string;
}

/**
 * The GHL note body (`NotesDTO`: title and body only) for a quote from a transcript:
 *
 *     title: From Trint: Discovery call
 *     body:  “Thanks for making the time.”
 *
 *            — Discovery call, saved 27 Nov 2026, 14:05
 *            https://app.trint.com/editor/tr-alpha
 *
 * The link leads back to the transcript from GHL. `undefined` for a blank selection: there is
 * nothing to quote.
 */
export function selectionNote({
  selection,
  page,
  trintOrigin,
  savedAt,
  locale,
}: SelectionNoteInput): CreateNoteInput | undefined {
  const quote = selection.trim();
  if (!quote) return undefined;
  const title = page.title?.trim() || 'Untitled transcript';
  const saved = formatDayTime(savedAt.toISOString(), locale);
  return {
    title: `From Trint: ${title}`,
    body: `“${quote}”\n\n— ${title}, saved ${saved}\n${transcriptUrl(page.transcriptId, trintOrigin)}`,
  };
}
