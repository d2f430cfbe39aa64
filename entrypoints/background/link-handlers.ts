import type { ConnectionService } from '@/utils/auth/connection-service';
import { GhlError } from '@/utils/ghl/ghl-error';
import type { SyncEngine } from '@/utils/sync/sync-engine';
import type { SyncSettings } from '@/utils/storage/sync-settings';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';
import { connectedLocation } from './connected-location';
import type { MessageHandlers } from './message-router';
import { mayRefresh } from './refresh-gate';
import type { TrintBudget } from './trint-budget';
import {
  readTranscriptView,
  type TranscriptHandlerDeps,
  type ViewChange,
} from './transcript-handlers';

/** What the link messages are answered from. */
export interface LinkHandlerDeps extends Pick<TranscriptHandlerDeps, 'outbox' | 'clock'> {
  connection: Pick<ConnectionService, 'status'>;
  engine: Pick<SyncEngine, 'refreshContact'>;
  transcripts: Pick<
    TranscriptStore,
    'readView' | 'cachedContact' | 'link' | 'unlink' | 'findLinks'
  >;
  tell(change: ViewChange): Promise<void>;
  settings(): Promise<SyncSettings>;
  /** The budget all Trint tabs share: a link's refresh from GHL is spent from it. */
  trintBudget?: Pick<TrintBudget, 'trySpend'>;
}

type LinkMessages = 'link/set' | 'link/remove' | 'links/find';

/**
 * Linking a transcript to a contact and unlinking it, and which transcripts are linked (the
 * markers on Trint's file list). A link starts with the contact fresh from GHL when it answers.
 */
export function createLinkHandlers(deps: LinkHandlerDeps): Pick<MessageHandlers, LinkMessages> {
  const { engine, transcripts } = deps;

  return {
    async 'link/set'({ transcriptId, contactId }, role) {
      const locationId = await connectedLocation(deps.connection);
      // Fetched first and waited for: the link then starts with the contact's fields, notes and
      // name on its timeline. Offline, or over the Trint pages' budget, the link is made from
      // what the cache has.
      const cached = await transcripts.cachedContact(contactId);
      const ask = { syncedAt: cached?.syncedAt, now: deps.clock.now(), role, locationId };
      if (await mayRefresh({ ...ask, budget: deps.trintBudget })) {
        await engine.refreshContact(contactId, 'panel-open').catch(() => {});
      }
      if ((await transcripts.cachedContact(contactId))?.deletedAt !== undefined) {
        throw new GhlError('not-found', 'link', {
          detail:
            'This contact does not exist in GHL (it may have been deleted). Nothing was linked.',
        });
      }
      const { notes } = await deps.settings();
      await transcripts.link(transcriptId, contactId, locationId, { notes });
      await deps.tell({ transcriptId, contactId, what: ['link'] });
      return readTranscriptView(deps, transcriptId);
    },
    async 'link/remove'({ transcriptId }) {
      const previous = await transcripts.unlink(transcriptId);
      await deps.tell({ transcriptId, contactId: previous?.contactId, what: ['link'] });
      return readTranscriptView(deps, transcriptId);
    },
    async 'links/find'({ transcriptIds }, role) {
      const links = await transcripts.findLinks(transcriptIds);
      // A Trint tab asks for any ids it names (the background cannot tell which the page lists)
      // and only marks them "Linked to GHL": whom they link to stays out of the page's reach.
      if (role === 'trint-tab')
        return { links: links.map(({ transcriptId }) => ({ transcriptId })) };
      return { links };
    },
  };
}
