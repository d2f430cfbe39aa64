// Rows put straight into the extension's cache database, and read back, from an extension page.
import type { Page } from 'playwright-core';
import { CACHE_DB_VERSION } from '../../../utils/db/cache-migrations';
import type { CacheStore } from '../../../utils/db/cache-schema';
import { CACHE_DB_NAME } from '../../../utils/db/db-names';

/** Rows by store, each row as its store keeps it. */
export type CacheRows = Partial<Record<CacheStore, unknown[]>>;

type CacheOp = { op: 'put'; store: string; values: unknown[] } | { op: 'synced-ids' };

/**
 * Runs one operation on the cache database from an extension page (same origin as the service
 * worker, so the same IndexedDB), opened at the version the build expects: the background
 * creates the database, this never upgrades it. One function for both operations because
 * extension pages' CSP forbids compiling code in the page.
 */
function onCacheDb<R>(page: Page, operation: CacheOp): Promise<R> {
  return page.evaluate(
    async ([name, version, op]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, version);
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          reject(new Error('the background has not created the cache database yet'));
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        if (op.op === 'put') {
          const tx = db.transaction(op.store, 'readwrite');
          for (const value of op.values) tx.objectStore(op.store).put(value);
          return await new Promise<unknown>((resolve, reject) => {
            tx.oncomplete = () => resolve(undefined);
            tx.onabort = () => reject(tx.error);
          });
        }
        const request = db.transaction('contacts').objectStore('contacts').getAll();
        return await new Promise<unknown>((resolve, reject) => {
          request.onsuccess = () =>
            resolve(
              (request.result as { id: string; syncedAt?: number }[])
                .filter((c) => c.syncedAt !== undefined)
                .map((c) => c.id),
            );
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    },
    [CACHE_DB_NAME, CACHE_DB_VERSION, operation] as const,
  ) as Promise<R>;
}

/** Puts `rows` into their stores, `chunk` rows per transaction (and per page call). */
export async function putCacheRows(page: Page, rows: CacheRows, chunk = 2_000) {
  for (const [store, values] of Object.entries(rows)) {
    for (let from = 0; from < values.length; from += chunk) {
      await onCacheDb(page, { op: 'put', store, values: values.slice(from, from + chunk) });
    }
  }
}

/** Ids of the cached contacts the sync has stored (those with a `syncedAt`). */
export function syncedContactIds(page: Page): Promise<string[]> {
  return onCacheDb(page, { op: 'synced-ids' });
}
