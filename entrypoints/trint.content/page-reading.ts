import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import { describePageStructure } from '@/utils/trint/page-structure';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { STALE_TEXT_MS } from '@/utils/trint/transcript-page-watcher';

/**
 * Tells the background what an editor page yielded (which rule found the title and the speakers),
 * for the options page's "Trint page reading", so a change of Trint's markup shows as a miss
 * there instead of as silently missing suggestions. Sent once the page has settled (Trint renders
 * a transcript a moment after its URL: a miss in between is not one) and only when the result
 * changed, with the page's structure (no text) a person can copy into a bug report.
 */
export function createPageReadingReporter(
  doc: Document,
  signal: AbortSignal,
): (page: EditorPage) => void {
  let last = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  const send = ({ transcriptId, titleRule, speakersRule, speakers }: EditorPage) => {
    const key = JSON.stringify([transcriptId, titleRule, speakersRule, speakers.length]);
    if (key === last || signal.aborted) return;
    last = key;
    const report = describePageStructure(doc);
    const reading = { transcriptId, titleRule, speakersRule, speakers: speakers.length, report };
    // A help for bug reports: without the background, the next change reports again.
    sendTrintMessage('page/reading', reading).catch(() => (last = ''));
  };
  return (page) => {
    clearTimeout(timer);
    timer = setTimeout(() => send(page), STALE_TEXT_MS);
  };
}
