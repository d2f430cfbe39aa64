import { openDB, type IDBPDatabase } from 'idb';
import { CACHE_DB_NAME } from './db-names';
import { CACHE_DB_VERSION, migrateCacheDb } from './cache-migrations';
import type { CacheDb } from './cache-schema';

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
 * One shared connection per context, opened on first use and again after it was closed (by a
 * delete or upgrade elsewhere, or by the browser). Factories take this, not an open database.
 */
export function createCacheDbSource(name = CACHE_DB_NAME) {
  let current: Promise<CacheDatabase> | undefined;
  const forget = () => {
    current = undefined;
  };
  return {
    get(): Promise<CacheDatabase> {
      if (!current) {
        const opening = openCacheDb(name, forget);
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
  };
}

/** What factories take: a way to get the open database. */
export type CacheDbSource = ReturnType<typeof createCacheDbSource>;
