import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The Sandbox's own database, apart from the cache ('ghl-for-trint'): deleting the cache never
 * touches it, and the Sandbox's records never mix with what the extension cached from them.
 */
export const SANDBOX_DB_NAME = 'ghl-for-trint-sandbox';

const SNAPSHOT_KEY = 'current';

interface SandboxDb extends DBSchema {
  /** One record: the latest snapshot (sandbox-snapshot.ts), checked when it is read back. */
  snapshot: { key: string; value: unknown };
}

/**
 * Where the in-extension Sandbox keeps its records across service worker restarts. Every
 * operation runs after the one before it, so a save queued before a `clear` cannot land after it.
 */
export function createSandboxStore(name = SANDBOX_DB_NAME) {
  let opened: Promise<IDBPDatabase<SandboxDb>> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  function database() {
    opened ??= openDB<SandboxDb>(name, 1, {
      upgrade(db) {
        db.createObjectStore('snapshot');
      },
      // Closed by the browser or by a delete elsewhere: open again on next use.
      blocking() {
        void opened?.then((db) => db.close());
        opened = undefined;
      },
      terminated() {
        opened = undefined;
      },
    });
    const opening = opened;
    opening.catch(() => {
      if (opened === opening) opened = undefined;
    });
    return opening;
  }

  function inTurn<T>(operation: () => Promise<T>): Promise<T> {
    const result = queue.then(operation, operation);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    /** The stored snapshot, unchecked (undefined when there is none). */
    load: () => inTurn(async () => (await database()).get('snapshot', SNAPSHOT_KEY)),
    /**
     * Stores what `build` returns at the moment of writing, so a save queued behind others stores
     * the latest records; `build` returning undefined skips the write.
     */
    save: (build: () => unknown) =>
      inTurn(async () => {
        const db = await database();
        const value = build(); // taken after the await: nothing changes between it and the put
        if (value !== undefined) await db.put('snapshot', value, SNAPSHOT_KEY);
      }),
    /** Deletes the stored snapshot. */
    clear: () => inTurn(async () => (await database()).delete('snapshot', SNAPSHOT_KEY)),
    /** Resolves once every operation queued so far has finished. */
    settled: () => inTurn(async () => undefined),
  };
}

/** See {@link createSandboxStore}. */
export type SandboxStore = ReturnType<typeof createSandboxStore>;
