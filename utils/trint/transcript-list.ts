import { parseTranscriptId } from './transcript-url';

/** A transcript that a Trint page lists, and the link a person clicks to open it. */
export interface ListedTranscript {
  transcriptId: string;
  anchor: HTMLAnchorElement;
}

/** The most transcripts marked on one page: Trint pages its file list well below this. */
const MAX_LISTED = 500;

/**
 * The transcripts a Trint page lists (its file list, search results, recent files): every link
 * to an editor URL. Links are the one part of Trint's markup that cannot change without breaking
 * Trint itself, so no class name is relied on. Links inside `skip` (our own panel) are ignored.
 */
export function findListedTranscripts(doc: Document, skip?: Element): ListedTranscript[] {
  const listed: ListedTranscript[] = [];
  for (const anchor of doc.querySelectorAll<HTMLAnchorElement>('a[href*="/editor/"]')) {
    if (skip?.contains(anchor)) continue;
    const transcriptId = parseTranscriptId(anchor.href);
    if (transcriptId) listed.push({ transcriptId, anchor });
    if (listed.length === MAX_LISTED) break;
  }
  return listed;
}
