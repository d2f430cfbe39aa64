import type { IDBPObjectStore, StoreNames } from 'idb';
import type { ActivityEntry, CacheDb } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { NarratedActivity } from './activity-narrative';

/**
 * Each transcript's activity timeline in the `activity` store. Writers pass the store of the
 * transaction they are in, so a timeline line commits together with the change it describes.
 */

/** Lines a panel reads: the newest this many. */
export const ACTIVITY_VIEW_LIMIT = 200;
/** Lines kept per transcript; older ones are removed as new ones arrive. */
export const ACTIVITY_KEPT_PER_TRANSCRIPT = 500;

/** The `activity` store inside a read-write transaction of any stores. */
export type ActivityStore<Tx extends ArrayLike<StoreNames<CacheDb>>> = IDBPObjectStore<
  CacheDb,
  Tx,
  'activity',
  'readwrite'
>;

/** Every line of one transcript, oldest to newest, as an index range. */
function transcriptRange(transcriptId: string): IDBKeyRange {
  return IDBKeyRange.bound([transcriptId, -Infinity], [transcriptId, Infinity]);
}

/**
 * Adds lines to a transcript's timeline and drops its oldest beyond
 * {@link ACTIVITY_KEPT_PER_TRANSCRIPT}. Only IndexedDB work: safe inside a larger transaction.
 */
export async function appendActivity<Tx extends ArrayLike<StoreNames<CacheDb>>>(
  store: ActivityStore<Tx>,
  transcriptId: string,
  lines: readonly NarratedActivity[],
): Promise<void> {
  if (lines.length === 0) return;
  for (const line of lines) await store.add({ ...line, transcriptId });
  const index = store.index('by-transcript');
  let excess = (await index.count(transcriptRange(transcriptId))) - ACTIVITY_KEPT_PER_TRANSCRIPT;
  for (let cursor = await index.openCursor(transcriptRange(transcriptId)); cursor && excess > 0;) {
    await cursor.delete();
    excess -= 1;
    cursor = await cursor.continue();
  }
}

/** A transcript's timeline, newest first, at most `limit` lines. */
export async function readActivity(
  db: CacheDatabase,
  transcriptId: string,
  limit = ACTIVITY_VIEW_LIMIT,
): Promise<ActivityEntry[]> {
  const lines: ActivityEntry[] = [];
  const index = db.transaction('activity').store.index('by-transcript');
  let cursor = await index.openCursor(transcriptRange(transcriptId), 'prev');
  while (cursor && lines.length < limit) {
    lines.push(cursor.value);
    cursor = await cursor.continue();
  }
  return lines;
}
