import type { CacheDatabase } from '../db/open-cache-db';
import { planSync, type SyncPlan } from './freshness-tiers';
import type { SyncSettings } from './sync-settings';

/** What a plan is made for. */
export interface SyncPlanOptions {
  now: number;
  settings: SyncSettings;
  openTranscriptIds: Iterable<string>;
  /** See {@link planSync}: contacts falling due this soon count as due. */
  graceMs?: number;
  /** Only links of this location (the connected one); all when absent. */
  locationId?: string;
}

/** A plan, and how far the first full sync got while some linked contact was never synced. */
export interface LoadedSyncPlan extends SyncPlan {
  firstSync?: { done: number; total: number };
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
  const tx = db.transaction(['links', 'transcripts', 'contacts']);
  const links = (await tx.objectStore('links').getAll()).filter(
    (l) => options.locationId === undefined || l.locationId === options.locationId,
  );
  const records = await tx.objectStore('transcripts').getAll();
  const contacts = new Map<string, { syncedAt?: number; deletedAt?: number }>();
  for (const contactId of new Set(links.map((l) => l.contactId))) {
    const cached = await tx.objectStore('contacts').get(contactId);
    contacts.set(contactId, { syncedAt: cached?.syncedAt, deletedAt: cached?.deletedAt });
  }
  await tx.done;
  const plan = planSync({
    links,
    records,
    contacts,
    openTranscriptIds: options.openTranscriptIds,
    settings: options.settings,
    now: options.now,
    graceMs: options.graceMs,
  });
  const total = contacts.size;
  const done = [...contacts.values()].filter((c) => c.syncedAt !== undefined).length;
  return { ...plan, firstSync: done < total ? { done, total } : undefined };
}
