import type { CacheDatabase } from '../db/open-cache-db';
import { planSync, type ContactSyncFacts, type SyncPlan } from './freshness-tiers';
import { parseSyncFailures, SYNC_FAILURES_KEY } from './sync-failures';
import { bulkFactsKey, parseBulkFacts } from './bulk-scopes';
import { syncCosts } from './daily-budget';
import { partsToFetch } from '../transcripts/contact-parts';
import type { SyncSettings } from '../storage/sync-settings';

/** What a plan is made for. */
export interface SyncPlanOptions {
  now: number;
  settings: SyncSettings;
  openTranscriptIds: Iterable<string>;
  /** See {@link planSync}: contacts falling due this soon count as due. */
  graceMs?: number;
  /** Only links of this location (the connected one); all when absent. */
  locationId?: string;
  /** See {@link planSync}: every contact is due (Sync now). */
  everyContact?: boolean;
  /**
   * The requests a day this person's background sync may spend (daily-budget); the tiers are
   * fitted into it with the costs of the location's bulk reads. None: the settings as they are.
   */
  requestsPerDay?: number;
  /** See {@link planSync}'s `afterFit`: the quota pressure's stretch. */
  afterFit?: (settings: SyncSettings) => SyncSettings;
}

/** A plan, and how far the first full sync got while some linked contact was never synced. */
export interface LoadedSyncPlan extends SyncPlan {
  /** A contact whose sync failed counts as done: retrying it must not hold the bar forever. */
  firstSync?: { done: number; total: number };
  /** Linked contacts whose last sync failed (waiting for a retry). */
  failing: number;
}

/**
 * Reads the links, transcript records and the linked contacts' sync times from the cache (one
 * read transaction) and plans the sync from them: nothing about the schedule is kept in memory,
 * so a service worker woken from nothing plans exactly as the one before it would have.
 */
export async function loadSyncPlan(
  db: CacheDatabase,
  options: SyncPlanOptions,
): Promise<LoadedSyncPlan> {
  const tx = db.transaction(['links', 'transcripts', 'contacts', 'meta']);
  const links = (await tx.objectStore('links').getAll()).filter(
    (l) => options.locationId === undefined || l.locationId === options.locationId,
  );
  const records = await tx.objectStore('transcripts').getAll();
  const failures = parseSyncFailures(await tx.objectStore('meta').get(SYNC_FAILURES_KEY));
  const bulkFacts =
    options.requestsPerDay !== undefined && options.locationId !== undefined
      ? parseBulkFacts(await tx.objectStore('meta').get(bulkFactsKey(options.locationId)))
      : undefined;
  // Every get at once in the one transaction: awaited one by one, 5,000 links took seconds.
  const contactIds = [...new Set(links.map((l) => l.contactId))];
  const cachedContacts = await Promise.all(
    contactIds.map((contactId) => tx.objectStore('contacts').get(contactId)),
  );
  await tx.done;
  const contacts = new Map<string, ContactSyncFacts>();
  contactIds.forEach((contactId, at) => {
    const cached = cachedContacts[at];
    const failure = failures.get(contactId);
    contacts.set(contactId, { syncedAt: cached?.syncedAt, deletedAt: cached?.deletedAt, failure });
  });
  const plan = planSync({
    links,
    records,
    contacts,
    openTranscriptIds: options.openTranscriptIds,
    settings: options.settings,
    now: options.now,
    graceMs: options.graceMs,
    everyContact: options.everyContact,
    afterFit: options.afterFit,
    budget:
      options.requestsPerDay === undefined
        ? undefined
        : {
            requestsPerDay: options.requestsPerDay,
            costs: syncCosts(
              partsToFetch(options.settings),
              bulkFacts ?? { missing: {} },
              options.now,
            ),
          },
  });
  const facts = [...contacts.values()];
  const total = facts.length;
  const done = facts.filter((c) => c.syncedAt !== undefined || c.failure).length;
  const failing = facts.filter((c) => c.failure && c.deletedAt === undefined).length;
  return { ...plan, firstSync: done < total ? { done, total } : undefined, failing };
}
