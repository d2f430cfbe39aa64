import type { CacheDatabase } from '../db/open-cache-db';
import { META_KEYS } from '../db/meta-keys';
import { backoffDelay, SYNC_CONTACT } from '../ghl/retry-policy';

/**
 * Contacts whose last sync failed on their own (a server error, an answer that does not parse):
 * not the failures that stop a whole run (connection, rate budget, network), which say nothing
 * about one contact. A failed contact keeps its old `syncedAt`, so without this it would be due
 * again on every 30 s tick, spending the budget on the same error; with it, it waits a delay that
 * doubles with each failure, up to its tier's age. Kept in the `meta` store by contact id.
 */
export const SYNC_FAILURES_KEY = META_KEYS.syncFailures;

/** When a contact's sync last failed, and how many times in a row. */
export interface ContactFailure {
  failedAt: number;
  failures: number;
}

/** The first retry waits this long; each failure after doubles it (SYNC_CONTACT). */
export const FIRST_RETRY_MS = SYNC_CONTACT.baseDelayMs;

/** Failures not repeated for this long are forgotten (the contact was unlinked, say). */
const FORGET_AFTER_MS = 7 * 24 * 60 * 60_000;

/** When a failed contact may be tried again: never later than a sync of its tier would be due. */
export function retryAt(failure: ContactFailure, tierMaxAgeMs: number): number {
  const delay = backoffDelay(Math.max(0, failure.failures - 1), SYNC_CONTACT);
  return failure.failedAt + Math.min(tierMaxAgeMs, delay);
}

/** The stored failures by contact id; anything malformed reads as none. */
export function parseSyncFailures(value: unknown): Map<string, ContactFailure> {
  const failures = new Map<string, ContactFailure>();
  if (typeof value !== 'object' || value === null) return failures;
  for (const [contactId, entry] of Object.entries(value)) {
    const failure = entry as Partial<ContactFailure> | undefined;
    if (typeof failure?.failedAt === 'number' && typeof failure.failures === 'number') {
      failures.set(contactId, { failedAt: failure.failedAt, failures: failure.failures });
    }
  }
  return failures;
}

/** Records that syncing `contactId` failed at `at`, and forgets failures long past. */
export async function recordSyncFailure(db: CacheDatabase, contactId: string, at: number) {
  const tx = db.transaction('meta', 'readwrite');
  const failures = parseSyncFailures(await tx.store.get(SYNC_FAILURES_KEY));
  const inARow = (failures.get(contactId)?.failures ?? 0) + 1;
  failures.set(contactId, { failedAt: at, failures: inARow });
  for (const [id, failure] of failures) {
    if (at - failure.failedAt > FORGET_AFTER_MS) failures.delete(id);
  }
  await tx.store.put(Object.fromEntries(failures), SYNC_FAILURES_KEY);
  await tx.done;
}

/** Forgets the failures of `contactId`: its sync worked. */
export async function clearSyncFailure(db: CacheDatabase, contactId: string) {
  const tx = db.transaction('meta', 'readwrite');
  const failures = parseSyncFailures(await tx.store.get(SYNC_FAILURES_KEY));
  if (failures.delete(contactId)) {
    await tx.store.put(Object.fromEntries(failures), SYNC_FAILURES_KEY);
  }
  await tx.done;
}
