import { sendTrintMessage } from '@/utils/messaging/send-trint-message';
import { describePageStructure } from '@/utils/trint/page-structure';
import type { EditorPage } from '@/utils/trint/transcript-page';

/**
 * Tells the background what an editor page yielded (which rule found the title and the speakers),
 * for the options page's "Trint page reading", so a change of Trint's markup shows as a miss
 * there instead of as silently missing suggestions. Sent only when the result changes, with the
 * page's structure (no text) a person can copy into a bug report.
 */
export function createPageReadingReporter(doc: Document): (page: EditorPage) => void {
  let last = '';
  return ({ transcriptId, titleRule, speakersRule, speakers }) => {
    const key = JSON.stringify([transcriptId, titleRule, speakersRule, speakers.length]);
    if (key === last) return;
    last = key;
    const report = describePageStructure(doc);
    const reading = { transcriptId, titleRule, speakersRule, speakers: speakers.length, report };
    // A help for bug reports: without the background, the next change reports again.
    sendTrintMessage('page/reading', reading).catch(() => (last = ''));
  };
}
