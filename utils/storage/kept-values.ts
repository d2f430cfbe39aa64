import { openDB } from 'idb';
import { browser } from 'wxt/browser';
import type { KeptBacking } from './stored-item';
import type { AnyStoredItem } from './stored-items';

/** The extension's IndexedDB of `kept` values, beside the cache's (its name plus this). */
export const KEPT_DB_SUFFIX = '-kept';

const STORE = 'values';
/** Set once the values an older version kept in storage.local were taken over. */
const IMPORTED = '#imported-from-local';

/**
 * The background's persistence of `kept` items (stored-item.ts): IndexedDB of the extension's
 * origin, which a content script cannot open (it runs with the page's origin), restored into
 * storage.session (trusted contexts only) at every start, since the browser empties that area
 * when it closes. Versions up to 0.2 kept these values in storage.local, which content scripts
 * can write: they are taken over once, on the first start after the upgrade, and never read from
 * there again; what a content script writes there later is ignored (and removed at each start).
 */
export function createKeptValues(
  dbName: string,
  items: readonly AnyStoredItem[],
  onError: (error: unknown) => void,
): KeptBacking {
  const kept = items.filter((item) => item.area === 'kept');
  const db = openDB(dbName, 1, {
    upgrade(database, oldVersion) {
      // Version 1: one key-value store. Later versions add a migration step each.
      if (oldVersion < 1) database.createObjectStore(STORE);
    },
  });

  async function restore(): Promise<void> {
    const database = await db;
    // Read before the transaction: it would commit while waiting for non-IndexedDB work.
    const legacy = await browser.storage.local.get(kept.map((item) => item.key));
    const tx = database.transaction(STORE, 'readwrite');
    const imported = (await tx.store.get(IMPORTED)) !== undefined;
    const values: Record<string, unknown> = {};
    for (const item of kept) {
      let value: unknown = await tx.store.get(item.key);
      if (value === undefined && !imported && legacy[item.key] !== undefined) {
        value = item.parse(legacy[item.key]);
        if (value !== undefined) await tx.store.put(value, item.key);
      }
      if (value !== undefined) values[item.key] = item.parse(value);
    }
    if (!imported) await tx.store.put(Date.now(), IMPORTED);
    await tx.done;
    await browser.storage.session.set(values);
    const panelCopies = kept.filter((item) => item.panelCopy && item.key in values);
    await browser.storage.local.set(
      Object.fromEntries(panelCopies.map((item) => [item.key, values[item.key]])),
    );
    // Panel copies of removed values, and every other kept key, have no business in storage.local.
    const stray = kept.filter((item) => !(item.panelCopy && item.key in values));
    await browser.storage.local.remove(stray.map((item) => item.key));
  }

  const ready = restore().catch(onError);
  return {
    ready,
    async save(key, value) {
      // After the restore, so it cannot publish an older value over this one.
      await ready;
      if (value === undefined) await (await db).delete(STORE, key);
      else await (await db).put(STORE, value, key);
    },
  };
}
