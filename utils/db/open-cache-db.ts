import { openDB, type IDBPDatabase } from 'idb';
import { CACHE_DB_NAME } from './db-names';
import { CACHE_DB_VERSION, migrateCacheDb } from './cache-migrations';
import type { CacheDb } from './cache-schema';
import { watchCommittedWrites, type CommittedWrites } from './committed-writes';

/** The open cache database. */
export type CacheDatabase = IDBPDatabase<CacheDb>;

/**
 * Opens the cache database, upgrading it if needed. The connection closes itself when another
 * context deletes or upgrades the database (Disconnect's "remove cached data" deletes it, and
 * that delete waits for every open connection); `onClosed` then hears about it.
 */
export async function openCacheDb(
  name = CACHE_DB_NAME,
  onClosed: () => void = () => {},
): Promise<CacheDatabase> {
  const db: CacheDatabase = await openDB<CacheDb>(name, CACHE_DB_VERSION, {
    upgrade: (database, oldVersion, _newVersion, tx) => migrateCacheDb(database, oldVersion, tx),
    blocking: () => {
      db.close();
      onClosed();
    },
    terminated: onClosed,
  });
  return db;
}

/**
 * What a memory copy of the cache hears: the writes of each committed transaction, or that the
 * connection closed (the database was deleted, say by Disconnect's wipe, or closed here): then
 * everything it holds may be gone, and it reads the cache again when next asked.
 */
export type CacheDbEvent = { type: 'committed'; writes: CommittedWrites } | { type: 'closed' };

/**
 * One shared connection per context, opened on first use and again after it was closed (by a
 * delete or upgrade elsewhere, or by the browser). Factories take this, not an open database.
 */
export function createCacheDbSource(name = CACHE_DB_NAME) {
  let current: Promise<CacheDatabase> | undefined;
  const listeners = new Set<(event: CacheDbEvent) => void>();
  const emit = (event: CacheDbEvent) => listeners.forEach((listener) => listener(event));
  const forget = () => {
    current = undefined;
    emit({ type: 'closed' });
  };
  return {
    get(): Promise<CacheDatabase> {
      if (!current) {
        const opening = openCacheDb(name, forget).then((db) => {
          watchCommittedWrites(db, (writes) => emit({ type: 'committed', writes }));
          return db;
        });
        current = opening;
        opening.catch(() => {
          if (current === opening) forget();
        });
      }
      return current;
    },
    /** Closes the connection, e.g. before deleting the database from this context. */
    async close() {
      const db = await current?.catch(() => undefined);
      forget();
      db?.close();
    },
    /**
     * Hears every committed write of this context's connection, and its closing (see
     * CacheDbEvent). Returns the way to stop listening.
     */
    watch(listener: (event: CacheDbEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The shared connection with its events: what a memory copy of the cache is built from. */
export type WatchedCacheDbSource = ReturnType<typeof createCacheDbSource>;

/** What factories take: a way to get the open database. */
export type CacheDbSource = Pick<WatchedCacheDbSource, 'get' | 'close'>;
