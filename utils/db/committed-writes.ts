import { unwrap } from 'idb';
import type { CacheStore } from './cache-schema';
import type { CacheDatabase } from './open-cache-db';

/**
 * What one committed transaction wrote to one store. `puts` are the records put (in order) and
 * `deletes` the keys deleted; `unknown` means a write whose records cannot be told (a cursor's
 * update or delete, a key-range delete, a clear): a memory copy of the store must read it again.
 */
export interface StoreWrites {
  /** Every write, in the order the transaction made them. */
  changes: ({ put: unknown } | { deleted: IDBValidKey })[];
  unknown: boolean;
}

/** The writes of one committed transaction, by store. */
export type CommittedWrites = ReadonlyMap<CacheStore, StoreWrites>;

/**
 * Tells `onCommit` what each read-write transaction of this connection wrote, once it committed
 * (an aborted one wrote nothing). Memory copies of the cache (the contact search index, the
 * panel's views) stay in step with it this way, whichever module writes: the background is the
 * only context that opens the cache (docs/ARCHITECTURE.md), and it writes through this connection.
 *
 * It wraps the connection's own `transaction` (not IDBDatabase.prototype): idb's helpers
 * (`db.put`, `tx.objectStore`, cursors) all go through it.
 */
export function watchCommittedWrites(
  db: CacheDatabase,
  onCommit: (writes: CommittedWrites) => void,
): void {
  const raw = unwrap(db) as IDBDatabase;
  const transaction = raw.transaction.bind(raw);
  raw.transaction = ((names: string | string[], mode?: IDBTransactionMode, options?: never) => {
    const tx = transaction(names, mode, options);
    if (mode === 'readwrite') watchTransaction(tx, onCommit);
    return tx;
  }) as IDBDatabase['transaction'];
}

function watchTransaction(tx: IDBTransaction, onCommit: (writes: CommittedWrites) => void) {
  const writes = new Map<CacheStore, StoreWrites>();
  const of = (name: string) => {
    let store = writes.get(name as CacheStore);
    if (!store) writes.set(name as CacheStore, (store = { changes: [], unknown: false }));
    return store;
  };
  const watched = new WeakSet<IDBObjectStore>();
  const objectStore = tx.objectStore.bind(tx);
  tx.objectStore = (name: string) => {
    const store = objectStore(name);
    if (!watched.has(store)) {
      watched.add(store);
      watchStore(store, () => of(name));
    }
    return store;
  };
  tx.addEventListener('complete', () => {
    if (writes.size > 0) onCommit(writes);
  });
}

/** Notes each write request of a store once it succeeded. */
function watchStore(store: IDBObjectStore, writes: () => StoreWrites) {
  const noteOn = (request: IDBRequest, note: (target: StoreWrites) => void) => {
    request.addEventListener('success', () => note(writes()));
    return request;
  };
  const { put, add, delete: remove, clear, openCursor, index } = store;
  store.put = (value, key) =>
    noteOn(put.call(store, value, key), (w) => void w.changes.push({ put: value }));
  store.add = (value, key) =>
    noteOn(add.call(store, value, key), (w) => void w.changes.push({ put: value }));
  store.delete = (query) =>
    noteOn(remove.call(store, query), (w) => {
      if (query instanceof IDBKeyRange) w.unknown = true;
      else w.changes.push({ deleted: query });
    });
  store.clear = () => noteOn(clear.call(store), (w) => void (w.unknown = true));
  // A cursor of a read-write transaction may update or delete what it walks (the eviction does):
  // which records, only the cursor knows, so a memory copy reads the store again.
  const unknown = () => void (writes().unknown = true);
  store.openCursor = (...args) => noteOn(openCursor.apply(store, args), unknown);
  store.index = (name) => {
    const found = index.call(store, name);
    const open = found.openCursor;
    found.openCursor = (...args) => noteOn(open.apply(found, args), unknown);
    return found;
  };
}
