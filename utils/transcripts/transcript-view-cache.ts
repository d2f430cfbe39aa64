import type { CacheStore } from '../db/cache-schema';
import type { WatchedCacheDbSource } from '../db/open-cache-db';
import type { OutboxJobView } from '../messaging/write-schemas';
import type { ViewRecords } from './transcript-view-reader';

/** The stores a view is read from: a committed write to any of them may change a view. */
const VIEW_STORES: readonly CacheStore[] = [
  'links',
  'transcripts',
  'contacts',
  'tasks',
  'notes',
  'appointments',
  'activity',
];

/** Transcripts whose records are kept at most: a person has a few panels open. */
const KEPT = 20;

/** How long the cache's writes must pause before forgotten views are read again. */
const REFILL_AFTER_MS = 250;

/**
 * The records of the views panels asked for, kept in the background's memory so that a panel
 * opening again (a reload, Trint's navigation back) is answered without reading IndexedDB (issue
 * 17: the first paint's budget). Every committed write of the background's connection to a store
 * a view reads (a sync, an outbox write applied, a link or unlink, a visit recorded, the
 * timeline) forgets them all, as does the connection closing (Disconnect's wipe): the next ask
 * reads the cache again. The outbox's list of unsent writes, which every view shows, is kept the
 * same way (forgotten on a write to the outbox too). Only the background writes the cache, so nothing changes it unseen.
 *
 * Forgotten views are read again once the writes have been quiet for `refillAfterMs`: the refresh
 * a panel's opening starts writes the contact a moment after the panel painted, so without this
 * the next open of the same transcript (a reload, Trint's navigation back) always read the cache
 * (issue 17). Not after the connection closed: Disconnect's wipe is deleting the database.
 */
export function createTranscriptViewCache(
  db: Pick<WatchedCacheDbSource, 'watch'>,
  { refillAfterMs = REFILL_AFTER_MS }: { refillAfterMs?: number } = {},
) {
  const kept = new Map<string, Promise<ViewRecords>>();
  /** How each kept view was read, to read it again after a write: the last {@link KEPT}. */
  const readers = new Map<string, () => Promise<ViewRecords>>();
  let refill: ReturnType<typeof setTimeout> | undefined;
  let pending: Promise<readonly OutboxJobView[]> | undefined;
  /** How the outbox's list was last read, to read it again with the views. */
  let lister: (() => Promise<readonly OutboxJobView[]>) | undefined;

  function refillSoon() {
    clearTimeout(refill);
    refill = setTimeout(() => {
      // Failures are forgotten as any read's are; the next ask reads again.
      for (const [transcriptId, read] of readers) {
        if (!kept.has(transcriptId)) cache.records(transcriptId, read).catch(() => {});
      }
      if (lister) cache.pending(lister).catch(() => {});
    }, refillAfterMs);
  }

  db.watch((event) => {
    if (event.type === 'closed') {
      kept.clear();
      readers.clear();
      lister = undefined;
      clearTimeout(refill);
    } else if (VIEW_STORES.some((store) => event.writes.has(store))) {
      kept.clear();
      refillSoon();
    } else if (event.writes.has('outbox')) {
      refillSoon();
    }
    // The outbox's list names each write's contact and task: any of those stores changes it.
    if (
      event.type === 'closed' ||
      event.writes.has('outbox') ||
      VIEW_STORES.some((store) => event.writes.has(store))
    ) {
      pending = undefined;
    }
  });

  const cache = {
    /**
     * The transcript's records as kept, else as `read` reads them (then kept). A read under way
     * when a write commits is forgotten with the rest: its answer may be older than the write.
     */
    records(transcriptId: string, read: () => Promise<ViewRecords>): Promise<ViewRecords> {
      const known = kept.get(transcriptId);
      if (known) return known;
      readers.delete(transcriptId);
      readers.set(transcriptId, read);
      if (readers.size > KEPT) readers.delete(readers.keys().next().value!);
      const reading = read();
      kept.set(transcriptId, reading);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      reading.catch(() => {
        if (kept.get(transcriptId) === reading) kept.delete(transcriptId);
      });
      return reading;
    },

    /** The outbox's unsent writes as kept, else as `read` lists them (then kept). */
    pending(read: () => Promise<readonly OutboxJobView[]>): Promise<readonly OutboxJobView[]> {
      if (pending) return pending;
      lister = read;
      const reading = read();
      pending = reading;
      reading.catch(() => {
        if (pending === reading) pending = undefined;
      });
      return reading;
    },
  };
  return cache;
}

/** See {@link createTranscriptViewCache}. */
export type TranscriptViewCache = ReturnType<typeof createTranscriptViewCache>;
