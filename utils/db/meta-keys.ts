/**
 * Every key of the cache's `meta` store, in one place: what the cache keeps besides its records
 * (each with its owner, under utils/). The store is in IndexedDB, which only the extension's own
 * pages and its background can open (a content script cannot), and only the background writes
 * it. Each value is read back by its owner's parse function, which takes anything malformed as
 * nothing stored. What the extension keeps in extension storage (settings, published statuses)
 * is in utils/storage/ instead.
 */
export const META_KEYS = {
  /**
   * The mapping the transcript records were last computed with, and its hash: written by
   * mapping/mapping-apply.ts, read by every write of a record's fields.
   */
  mappingApplied: 'mappingApplied',
  /** A problem that stops the cache working (the quota), in words: sync/sync-status-reader.ts. */
  syncProblem: 'syncProblem',
  /** Contacts whose last sync failed, with when and how often: sync/sync-failures.ts. */
  syncFailures: 'syncFailures',
  /** Who runs the sync, until when: sync/sync-lease.ts. */
  syncLease: 'syncLease',
  /** Tasks and notes deleted through the outbox, by id, with when: outbox/local-deletes.ts. */
  localDeletes: 'localDeletes',
} as const;

/** Prefix of a contact's key of the parts its last sync left out: sync/contact-parts.ts. */
export const PARTS_LEFT_OUT_PREFIX = 'partsLeftOut/';

/** Prefix of a location's key of its users' and custom fields' names: names/location-names.ts. */
export const NAMES_PREFIX = 'names/';

/**
 * Prefix of a location's key of where its last contact scan got to (the newest `dateUpdated` GHL
 * showed): sync/contact-scan.ts.
 */
export const CONTACT_SCAN_PREFIX = 'contactScan/';

/**
 * Prefix of a location's key of what the bulk reads learnt: the optional scopes GHL refused and
 * the location's calendars: sync/bulk-scopes.ts.
 */
export const BULK_READS_PREFIX = 'bulkReads/';
