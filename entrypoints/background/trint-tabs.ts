import { browser } from 'wxt/browser';
import type { TabMessage } from '@/utils/messaging/tab-messages';
import { parseTranscriptId, TRINT_ORIGIN } from '@/utils/trint/transcript-url';

const TRINT_TABS = { url: `${TRINT_ORIGIN}/*` };

/**
 * The Trint editor tabs open now, asked of the browser each time rather than remembered: the
 * service worker forgets everything when it stops, the tabs do not. Trint's in-page navigation
 * updates a tab's URL, so this follows it too. (Host permission for app.trint.com is what lets
 * the query see these URLs; no "tabs" permission is needed.)
 */
async function editorTabs(): Promise<{ tabId: number; transcriptId: string }[]> {
  const tabs = await browser.tabs.query(TRINT_TABS);
  return tabs.flatMap((tab) => {
    const transcriptId = tab.url ? parseTranscriptId(tab.url) : undefined;
    return tab.id !== undefined && transcriptId ? [{ tabId: tab.id, transcriptId }] : [];
  });
}

/** The transcripts open in a tab: their contacts are kept freshest. */
export async function openTranscriptIds(): Promise<string[]> {
  return [...new Set((await editorTabs()).map((tab) => tab.transcriptId))];
}

/** Tells every tab showing `message.transcriptId` that its data changed, so the panel re-reads it. */
export async function tellTranscriptTabs(message: TabMessage): Promise<void> {
  const tabs = (await editorTabs()).filter((tab) => tab.transcriptId === message.transcriptId);
  // A tab whose content script is not there (yet) has nothing to update: not an error.
  await Promise.all(
    tabs.map((tab) => browser.tabs.sendMessage(tab.tabId, message).catch(() => {})),
  );
}

/**
 * Tells every editor tab that `what` changed for its own transcript, e.g. the pending writes
 * (which any write may change): each panel re-reads its view and keeps what it has if unchanged.
 */
export async function tellAllTranscriptTabs(what: string[]): Promise<void> {
  const tabs = await editorTabs();
  await Promise.all(
    tabs.map((tab) => {
      const message: TabMessage = {
        type: 'transcript/changed',
        transcriptId: tab.transcriptId,
        what,
      };
      return browser.tabs.sendMessage(tab.tabId, message).catch(() => {});
    }),
  );
}
