import type { ConnectionService } from '@/utils/auth/connection-service';
import type { CredentialStore } from '@/utils/auth/credential-store';
import { createAuditHandlers } from './audit-handlers';
import { createConnectionHandlers } from './connection-handlers';
import { createContactsHandlers, type ContactsHandlerDeps } from './contacts-handlers';
import { createDashboardHandlers } from './dashboard-handlers';
import { createLinkHandlers } from './link-handlers';
import { createMappingHandlers, type MappingHandlerDeps } from './mapping-handlers';
import { createNamesHandlers } from './names-handlers';
import { createNamesCache } from '@/utils/names/names-cache';
import type { CheckedHandlers, MessageHandlers } from './message-router';
import { createOAuthAppHandlers } from './oauth-app-handlers';
import { createOutboxHandlers } from './outbox-handlers';
import { createPageReadingHandlers } from './page-reading-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createSyncHandlers } from './sync-handlers';
import { withTabAccess, type TabAccessDeps } from './tab-access';
import type { TrintBudget } from './trint-budget';
import { createTranscriptHandlers, type ViewChange } from './transcript-handlers';
import type { AuditLog } from '@/utils/audit/audit-log';
import type { Clock } from '@/utils/clock';
import type { CacheDbSource } from '@/utils/db/open-cache-db';
import type { SyncSettings } from '@/utils/storage/sync-settings';
import type { Outbox } from '@/utils/outbox/outbox';
import type { SyncEngine } from '@/utils/sync/sync-engine';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';

/** What the cache-backed messages (transcripts, links, contacts, outbox…) are answered from. */
export interface CacheHandlerDeps {
  db: CacheDbSource;
  contactIndex: ContactsHandlerDeps['contactIndex'];
  clock: Clock;
  engine: SyncEngine;
  outbox: Outbox;
  transcripts: TranscriptStore;
  auditLog: AuditLog;
  /** What each Trint tab was shown: the searches note it, a tab's link/set checks it. */
  shown: TabAccessDeps['shown'];
  /** The budget all Trint tabs share per location (trint-budget.ts). */
  trintBudget: TrintBudget;
  /** Tells open panels of a transcript that its view changed. */
  tell(change: ViewChange): Promise<void>;
  settings(): Promise<SyncSettings>;
  /** The Sandbox GHL, loaded when first used (its custom fields name a Sandbox mapping's). */
  sandbox: MappingHandlerDeps['sandbox'];
}

/**
 * The background's answer to every protocol message: a flat list of small handlers, one file per
 * message prefix, held together to the access rules the message table declares for Trint tabs.
 */
export function createMessageHandlers(
  connection: ConnectionService,
  store: CredentialStore,
  sync: CacheHandlerDeps,
): CheckedHandlers {
  // One names cache for the panel's, the popup's and the mapping editor's names.
  const names = createNamesCache({
    db: sync.db,
    clock: sync.clock,
    client: () => connection.client(),
  });
  const deps = { ...sync, connection, names };
  const handlers: MessageHandlers = {
    ...createConnectionHandlers(connection),
    ...createOAuthAppHandlers(connection, store),
    ...createTranscriptHandlers(deps),
    ...createLinkHandlers(deps),
    ...createContactsHandlers(deps),
    ...createSyncHandlers(deps),
    ...createOutboxHandlers(deps),
    ...createAuditHandlers(deps),
    ...createMappingHandlers(deps),
    ...createDashboardHandlers(deps),
    ...createSettingsHandlers(),
    ...createPageReadingHandlers(deps),
    ...createNamesHandlers(names),
  };
  return withTabAccess(handlers, sync);
}
