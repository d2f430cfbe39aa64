import type { CacheDatabase } from '../db/open-cache-db';

/**
 * Sync runs never overlap. Two guards: a Web Lock taken "if available" (a second run in any
 * context of the extension gives up at once instead of queueing), and a lease in the `meta`
 * store with an expiry. The lock is released by the browser when a worker dies; the lease is what
 * survives in IndexedDB (and stands in where Web Locks are missing), so it expires: a worker
 * killed mid-run must not block sync for good.
 */

/** The Web Lock a run holds. */
export const SYNC_LOCK = 'ghl-sync-run';
/** The `meta` key of the lease. */
export const SYNC_LEASE_KEY = 'syncLease';

/** Who runs the sync, until when. */
export interface SyncLease {
  owner: string;
  expiresAt: number;
}

function isLease(value: unknown): value is SyncLease {
  const lease = value as Partial<SyncLease> | undefined;
  return typeof lease?.owner === 'string' && typeof lease.expiresAt === 'number';
}

/** The lease in force at `now`, if any. */
export async function activeLease(db: CacheDatabase, now: number): Promise<SyncLease | undefined> {
  const lease = await db.get('meta', SYNC_LEASE_KEY);
  return isLease(lease) && lease.expiresAt > now ? lease : undefined;
}

/**
 * Takes the lease for `owner` unless someone else holds one that has not expired; renews it when
 * `owner` holds it. One read-write transaction: two contexts cannot both take it.
 */
export async function takeLease(
  db: CacheDatabase,
  owner: string,
  now: number,
  ttlMs: number,
): Promise<boolean> {
  const tx = db.transaction('meta', 'readwrite');
  const current = await tx.store.get(SYNC_LEASE_KEY);
  if (isLease(current) && current.owner !== owner && current.expiresAt > now) {
    await tx.done;
    return false;
  }
  await tx.store.put({ owner, expiresAt: now + ttlMs } satisfies SyncLease, SYNC_LEASE_KEY);
  await tx.done;
  return true;
}

/** Gives the lease up, if `owner` still holds it. */
export async function releaseLease(db: CacheDatabase, owner: string): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  const current = await tx.store.get(SYNC_LEASE_KEY);
  if (isLease(current) && current.owner === owner) await tx.store.delete(SYNC_LEASE_KEY);
  await tx.done;
}

const heldInProcess = new Set<string>();

/**
 * Runs `task` holding the named Web Lock if nobody holds it; otherwise does not run it and
 * answers `{ ran: false }`. Without Web Locks (unit tests) the lock is per process.
 */
export async function withLockIfAvailable<T>(
  name: string,
  task: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    return locks.request(name, { ifAvailable: true }, async (lock) =>
      lock ? { ran: true as const, value: await task() } : { ran: false as const },
    );
  }
  if (heldInProcess.has(name)) return { ran: false };
  heldInProcess.add(name);
  try {
    return { ran: true, value: await task() };
  } finally {
    heldInProcess.delete(name);
  }
}
