import type { ConnectionService } from '@/utils/auth/connection-service';
import type { AuditLog } from '@/utils/audit/audit-log';
import { ConnectError } from '@/utils/auth/connect-error';
import { GhlError } from '@/utils/ghl/ghl-error';
import type { SyncSettings } from '@/utils/sync/sync-settings';
import type { MessageHandlers } from '@/utils/messaging/message-router';
import type { Outbox } from '@/utils/outbox/outbox';
import type { SyncEngine } from '@/utils/sync/sync-engine';
import type { TranscriptStore } from '@/utils/sync/transcript-store';
import type { TabMessage } from '@/utils/messaging/tab-messages';

/** The most audit entries the options page gets (the exports hold the same). */
const AUDIT_LIST_LIMIT = 10_000;

/** What the sync messages are answered from. */
export interface SyncHandlerDeps {
  connection: ConnectionService;
  engine: SyncEngine;
  outbox: Outbox;
  transcripts: TranscriptStore;
  auditLog: AuditLog;
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

  async function connectedLocation(): Promise<string> {
    const status = await deps.connection.status();
    if (status.state === 'not-connected') {
      throw new ConnectError('Connect GHL first: open GHL for Trint from the toolbar.');
    }
    return status.locationId;
  }

  return {
    async 'transcript/opened'({ transcriptId, title }) {
      await transcripts.markViewed(transcriptId, { title });
      const shown = await view(transcriptId);
      if (shown.link) refreshSoon(shown.link.contactId);
      return shown;
    },
    'transcript/get': ({ transcriptId }) => view(transcriptId),
    async 'link/set'({ transcriptId, contactId }) {
      const locationId = await connectedLocation();
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
    async 'link/remove'({ transcriptId }) {
      const previous = await transcripts.unlink(transcriptId);
      await deps.tell({ transcriptId, contactId: previous?.contactId, what: ['link'] });
      return view(transcriptId);
    },
    'sync/status': () => engine.status(),
    async 'sync/now'() {
      await engine.run('sync-now');
      return engine.status();
    },
    'outbox/enqueue': ({ operation, transcriptId }) => outbox.enqueue(operation, { transcriptId }),
    'outbox/list': () => outbox.list(),
    'outbox/retry': ({ id }) => outbox.retry(id),
    'outbox/discard': ({ id }) => outbox.discard(id),
    'audit/list': () => deps.auditLog.list({ limit: AUDIT_LIST_LIMIT }),
  };
}
