import type { PanelCommand, TabMessage } from '@/utils/messaging/tab-messages';
import type { TranscriptChange } from '@/utils/sync/contact-sync';
import { parseTranscriptId, TRINT_MATCHES } from '@/utils/trint/transcript-url';
import type { BackgroundBrowser } from './background-browser';

const TRINT_TABS = { url: TRINT_MATCHES };

/** What the background tells, and asks of, the Trint editor tabs. */
export interface TrintTabs {
  /** The transcripts open in a tab: their contacts are kept freshest. */
  openTranscriptIds(): Promise<string[]>;
  /** Tells every tab showing the change's transcript that its data changed, so the panel re-reads. */
  tell(change: Omit<TranscriptChange, 'contactId'> & { contactId?: string }): Promise<void>;
  /**
   * Tells every editor tab that `what` changed for its own transcript, e.g. the pending writes
   * (which any write may change): each panel re-reads its view and keeps what it has if unchanged.
   */
  tellAll(what: string[]): Promise<void>;
  /**
   * The browser command: tells the panel of the given tab (the active one, as the browser passes
   * it; else the last focused window's) to show or hide and take the focus. Any other page is left
   * alone: the panel is only on Trint's editor.
   */
  commandPanel(tab?: { id?: number; url?: string }): Promise<void>;
}

/**
 * The Trint editor tabs, asked of the browser each time rather than remembered: the service
 * worker forgets everything when it stops, the tabs do not. Trint's in-page navigation updates a
 * tab's URL, so this follows it too. (Host permission for Trint's origins is what lets the query see
 * these URLs; no "tabs" permission is needed.) `tabs` is the browser's, or a fake one in tests.
 */
export function createTrintTabs({ tabs }: Pick<BackgroundBrowser, 'tabs'>): TrintTabs {
  async function editorTabs(): Promise<{ tabId: number; transcriptId: string }[]> {
    const open = await tabs.query(TRINT_TABS);
    return open.flatMap((tab) => {
      const transcriptId = tab.url ? parseTranscriptId(tab.url) : undefined;
      return tab.id !== undefined && transcriptId ? [{ tabId: tab.id, transcriptId }] : [];
    });
  }

  // A tab whose content script is not there (yet) has nothing to update: not an error.
  const send = (tabId: number, message: TabMessage | PanelCommand) =>
    tabs.sendMessage(tabId, message).catch(() => {});

  return {
    async openTranscriptIds() {
      return [...new Set((await editorTabs()).map((tab) => tab.transcriptId))];
    },
    async tell(change) {
      const message: TabMessage = { type: 'transcript/changed', ...change };
      const showing = (await editorTabs()).filter(
        (tab) => tab.transcriptId === change.transcriptId,
      );
      await Promise.all(showing.map((tab) => send(tab.tabId, message)));
    },
    async commandPanel(given) {
      const tab = given ?? (await tabs.query({ active: true, lastFocusedWindow: true }))[0];
      if (tab?.id === undefined || !tab.url || !parseTranscriptId(tab.url)) return;
      await send(tab.id, { type: 'panel/command' });
    },
    async tellAll(what) {
      const open = await editorTabs();
      await Promise.all(
        open.map((tab) =>
          send(tab.tabId, { type: 'transcript/changed', transcriptId: tab.transcriptId, what }),
        ),
      );
    },
  };
}
