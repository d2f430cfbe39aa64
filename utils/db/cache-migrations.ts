import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { CacheDb } from './cache-schema';

type UpgradeDb = IDBPDatabase<CacheDb>;
type UpgradeTx = IDBPTransaction<CacheDb, StoreNames<CacheDb>[], 'versionchange'>;

/**
 * One migration per database version, in order: `CACHE_MIGRATIONS[n]` takes version n to n + 1.
 * Never edit a released migration; add the next one. A migration may only await IndexedDB work on
 * the upgrade transaction: anything else lets the transaction commit half-way.
 */
export const CACHE_MIGRATIONS: readonly ((db: UpgradeDb, tx: UpgradeTx) => Promise<void> | void)[] =
  [
    // v1: GHL records, the transcript side, the outbox and sync runs.
    (db) => {
      db.createObjectStore('contacts', { keyPath: 'id' });
      for (const name of ['tasks', 'notes', 'appointments'] as const) {
        db.createObjectStore(name, { keyPath: 'id' }).createIndex('by-contact', 'contactId');
      }
      db.createObjectStore('links', { keyPath: 'transcriptId' }).createIndex(
        'by-contact',
        'contactId',
      );
      db.createObjectStore('transcripts', { keyPath: 'transcriptId' });
      db.createObjectStore('activity', { keyPath: 'id', autoIncrement: true }).createIndex(
        'by-transcript',
        ['transcriptId', 'at'],
      );
      db.createObjectStore('outbox', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
      db.createObjectStore('runs', { keyPath: 'id', autoIncrement: true }).createIndex(
        'by-start',
        'startedAt',
      );
      db.createObjectStore('meta');
    },
    // v2: the audit log, and least-recently-used eviction of contacts. Contacts cached by v1 have
    // no lastUsedAt: their last sync (or now) stands in, so none looks older than it is.
    async (db, tx) => {
      db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true }).createIndex(
        'by-at',
        'at',
      );
      const contacts = tx.objectStore('contacts');
      contacts.createIndex('by-lastUsed', 'lastUsedAt');
      const now = Date.now();
      for (let cursor = await contacts.openCursor(); cursor; cursor = await cursor.continue()) {
        const record = cursor.value as Partial<CacheDb['contacts']['value']>;
        if (typeof record.lastUsedAt !== 'number') {
          await cursor.update({ ...cursor.value, lastUsedAt: record.syncedAt ?? now });
        }
      }
    },
  ];

/** The version the code expects: one per migration. */
export const CACHE_DB_VERSION = CACHE_MIGRATIONS.length;

/** Runs the migrations from `oldVersion` up to the current version, in order. */
export async function migrateCacheDb(db: UpgradeDb, oldVersion: number, tx: UpgradeTx) {
  for (let version = oldVersion; version < CACHE_DB_VERSION; version++) {
    await CACHE_MIGRATIONS[version]!(db, tx);
  }
}
