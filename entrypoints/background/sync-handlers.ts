import type { ConnectionService } from '@/utils/auth/connection-service';
import type { AuditLog } from '@/utils/audit/audit-log';
import { GhlError } from '@/utils/ghl/ghl-error';
import type { SyncSettings } from '@/utils/sync/sync-settings';
import type { MessageHandlers, TabFacts } from '@/utils/messaging/message-router';
import type { SenderRole } from '@/utils/messaging/protocol';
import type { OutboxOperation } from '@/utils/messaging/write-schemas';
import type { Outbox } from '@/utils/outbox/outbox';
import type { SyncEngine } from '@/utils/sync/sync-engine';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';
import type { TabMessage } from '@/utils/messaging/tab-messages';
import { connectedLocation } from './connected-location';
import type { ShownContacts } from './shown-contacts';
import { ownContact, ownJob, ownTranscript, shownContact, visibleJobs } from './tab-scope';

/** The most audit entries the options page gets (the exports hold the same). */
const AUDIT_LIST_LIMIT = 10_000;

/** What the sync messages are answered from. */
export interface SyncHandlerDeps {
  connection: ConnectionService;
  engine: SyncEngine;
  outbox: Outbox;
  transcripts: TranscriptStore;
  auditLog: AuditLog;
  /** The contacts each Trint tab was shown: a tab links only one of those. */
  shown: Pick<ShownContacts, 'wasShown'>;
  tell(change: ViewChange): Promise<void>;
  settings(): Promise<SyncSettings>;
}

/** What changed about a transcript, for its open panels. */
export type ViewChange = Omit<TabMessage, 'type'>;

type SyncMessages =
  | 'transcript/opened'
  | 'transcript/get'
  | 'link/set'
  | 'link/remove'
  | 'sync/status'
  | 'sync/now'
  | 'outbox/enqueue'
  | 'outbox/list'
  | 'outbox/retry'
  | 'outbox/discard'
  | 'audit/list';

/**
 * The panel's reads come from the cache (painted at once), its writes go through the outbox, and
 * a panel that opens refreshes its contact in the background: the answer does not wait for GHL,
 * the panel is told when the refresh changed something.
 */
export function createSyncHandlers(deps: SyncHandlerDeps): Pick<MessageHandlers, SyncMessages> {
  const { engine, outbox, transcripts } = deps;
  const view = async (transcriptId: string) =>
    transcripts.readView(transcriptId, await outbox.list());

  /** Refreshes a contact without making the caller wait; failures are in the run history. */
  function refreshSoon(contactId: string) {
    void engine.refreshContact(contactId, 'panel-open').catch(() => {});
  }

  /**
   * A Trint page writes only to the contact its transcript links to (or creates one): a page
   * script that got hold of the content script could not reach any other record.
   */
  async function ownOperation(operation: OutboxOperation, role: SenderRole, tab?: TabFacts) {
    if ('contactId' in operation) await ownContact(operation.contactId, role, tab, transcripts);
  }

  return {
    async 'transcript/opened'({ transcriptId, title, again }, role, tab) {
      ownTranscript(transcriptId, role, tab);
      // The first paint waits for this answer: the outbox (its own store) is read while the visit
      // is recorded; the view after, so that it has the title just recorded.
      const [, pending] = await Promise.all([
        transcripts.markViewed(transcriptId, { title }),
        outbox.list(),
      ]);
      const shown = await transcripts.readView(transcriptId, pending);
      if (shown.link && !again) refreshSoon(shown.link.contactId);
      return shown;
    },
    async 'transcript/get'({ transcriptId }, role, tab) {
      ownTranscript(transcriptId, role, tab);
      return view(transcriptId);
    },
    async 'link/set'({ transcriptId, contactId }, role, tab) {
      ownTranscript(transcriptId, role, tab);
      await shownContact(contactId, role, tab, { shown: deps.shown, transcripts });
      const locationId = await connectedLocation(deps.connection);
      // Fetched first and waited for: the link then starts with the contact's fields, notes and
      // name on its timeline. Offline, the link is made from what the cache has.
      await engine.refreshContact(contactId, 'panel-open').catch(() => {});
      if ((await transcripts.cachedContact(contactId))?.deletedAt !== undefined) {
        throw new GhlError('not-found', 'link', {
          detail:
            'This contact does not exist in GHL (it may have been deleted). Nothing was linked.',
        });
      }
      const { notes } = await deps.settings();
      await transcripts.link(transcriptId, contactId, locationId, { notes });
      await deps.tell({ transcriptId, contactId, what: ['link'] });
      return view(transcriptId);
    },
    async 'link/remove'({ transcriptId }, role, tab) {
      ownTranscript(transcriptId, role, tab);
      const previous = await transcripts.unlink(transcriptId);
      await deps.tell({ transcriptId, contactId: previous?.contactId, what: ['link'] });
      return view(transcriptId);
    },
    'sync/status': () => engine.status(),
    async 'sync/now'() {
      await engine.run('sync-now');
      return engine.status();
    },
    async 'outbox/enqueue'({ operation, transcriptId }, role, tab) {
      if (role === 'trint-tab') ownTranscript(transcriptId, role, tab);
      await ownOperation(operation, role, tab);
      return outbox.enqueue(operation, { transcriptId });
    },
    async 'outbox/list'(_payload, role, tab) {
      return visibleJobs(await outbox.list(), role, tab, transcripts);
    },
    async 'outbox/retry'({ id }, role, tab) {
      await ownJob(id, await outbox.list(), role, tab, transcripts);
      return visibleJobs(await outbox.retry(id), role, tab, transcripts);
    },
    async 'outbox/discard'({ id }, role, tab) {
      await ownJob(id, await outbox.list(), role, tab, transcripts);
      return visibleJobs(await outbox.discard(id), role, tab, transcripts);
    },
    'audit/list': () => deps.auditLog.list({ limit: AUDIT_LIST_LIMIT }),
  };
}
