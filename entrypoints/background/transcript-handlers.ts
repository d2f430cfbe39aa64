import { MessageRefused, type MessageHandlers } from './message-router';
import type { Clock } from '@/utils/clock';
import type { Outbox } from '@/utils/outbox/outbox';
import type { SyncEngine } from '@/utils/sync/sync-engine';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';
import type { TabMessage } from '@/utils/messaging/tab-messages';
import { exportFile } from '@/utils/transcripts/transcript-export';
import { mayRefresh } from './refresh-gate';
import type { TrintBudget } from './trint-budget';

/** What the transcript messages are answered from. */
export interface TranscriptHandlerDeps {
  engine: Pick<SyncEngine, 'refreshContact'>;
  outbox: Pick<Outbox, 'list'>;
  transcripts: Pick<TranscriptStore, 'markViewed' | 'readView' | 'pendingWrites'>;
  /** The export's `exportedAt`. */
  clock: Clock;
  /** The budget all Trint tabs share: a refresh a page causes is spent from it. */
  trintBudget?: Pick<TrintBudget, 'trySpend'>;
}

/** What changed about a transcript, for its open panels. */
export type ViewChange = Omit<TabMessage, 'type'>;

/** A transcript's view as the panel shows it, with the writes still on their way. */
export async function readTranscriptView(
  deps: {
    outbox: Pick<Outbox, 'list'>;
    transcripts: Pick<TranscriptStore, 'readView'> &
      Partial<Pick<TranscriptStore, 'pendingWrites'>>;
  },
  transcriptId: string,
) {
  // The outbox (its own store) is read alongside the view, not before it.
  const list = () => deps.outbox.list();
  const pending = deps.transcripts.pendingWrites?.(list) ?? list();
  return deps.transcripts.readView(transcriptId, pending);
}

/**
 * The panel's reads come from the cache (painted at once), and a panel that opens refreshes its
 * contact in the background: the answer does not wait for GHL, the panel is told when the
 * refresh changed something.
 */
export function createTranscriptHandlers(
  deps: TranscriptHandlerDeps,
): Pick<MessageHandlers, 'transcript/opened' | 'transcript/get' | 'transcript/export'> {
  const { engine, outbox, transcripts, clock } = deps;

  return {
    async 'transcript/opened'({ transcriptId, title, again }, role, tab) {
      // The first paint waits for this answer: the outbox (its own store) is read while the visit
      // is recorded; the view after, so that it has the title just recorded.
      const [, pending] = await Promise.all([
        // The host the tab is on (the router read it from the tab's URL, not the payload).
        transcripts.markViewed(transcriptId, {
          title,
          ...(tab?.trintOrigin && { trintOrigin: tab.trintOrigin }),
        }),
        outbox.list(),
      ]);
      const shown = await transcripts.readView(transcriptId, pending);
      // Refreshed without making the caller wait; failures are in the run history. Over the
      // Trint pages' budget (a page looping pushState) the cache answers alone.
      if (shown.link && !again) {
        const { contactId, locationId } = shown.link;
        const ask = { syncedAt: shown.syncedAt, now: clock.now(), role, locationId };
        if (await mayRefresh({ ...ask, budget: deps.trintBudget })) {
          void engine.refreshContact(contactId, 'panel-open').catch(() => {});
        }
      }
      return shown;
    },
    'transcript/get': ({ transcriptId }) => readTranscriptView(deps, transcriptId),
    // Built here from the cache, not in the content script: the page's script stays small.
    async 'transcript/export'({ transcriptId, format, contactName, title }, _role, tab) {
      const view = await transcripts.readView(transcriptId);
      const { link } = view;
      if (!link) throw new MessageRefused('Only a transcript linked to a contact is exported.');
      return exportFile(
        { ...view, link },
        { format, contactName, title: view.title ?? title ?? 'Untitled transcript' },
        new Date(clock.now()),
        // The host the tab is on (read by the router from the tab's URL), as the panel's links.
        tab?.trintOrigin,
      );
    },
  };
}
