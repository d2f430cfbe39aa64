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

/**
 * The records of the views panels asked for, kept in the background's memory so that a panel
 * opening again (a reload, Trint's navigation back) is answered without reading IndexedDB (issue
 * 17: the first paint's budget). Every committed write of the background's connection to a store
 * a view reads (a sync, an outbox write applied, a link or unlink, a visit recorded, the
 * timeline) forgets them all, as does the connection closing (Disconnect's wipe): the next ask
 * reads the cache again. The outbox's list of unsent writes, which every view shows, is kept the
 * same way (forgotten on a write to the outbox too). Only the background writes the cache, so nothing changes it unseen.
 */
export function createTranscriptViewCache(db: Pick<WatchedCacheDbSource, 'watch'>) {
  const kept = new Map<string, Promise<ViewRecords>>();
  let pending: Promise<readonly OutboxJobView[]> | undefined;

  db.watch((event) => {
    if (event.type === 'closed' || VIEW_STORES.some((store) => event.writes.has(store))) {
      kept.clear();
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

  return {
    /**
     * The transcript's records as kept, else as `read` reads them (then kept). A read under way
     * when a write commits is forgotten with the rest: its answer may be older than the write.
     */
    records(transcriptId: string, read: () => Promise<ViewRecords>): Promise<ViewRecords> {
      const known = kept.get(transcriptId);
      if (known) return known;
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
      const reading = read();
      pending = reading;
      reading.catch(() => {
        if (pending === reading) pending = undefined;
      });
      return reading;
    },
  };
}

/** See {@link createTranscriptViewCache}. */
export type TranscriptViewCache = ReturnType<typeof createTranscriptViewCache>;
