import type { CacheDatabase } from '../db/open-cache-db';
import { META_KEYS } from '../db/meta-keys';

/**
 * Sync runs never overlap. Two guards: a Web Lock taken "if available" (a second run in any
 * context of the extension gives up at once instead of queueing), and a lease in the `meta`
 * store with an expiry. The browser releases a Web Lock when its worker stops, so a run granted
 * the lock knows any lease left behind is a dead worker's and takes it over; the lease is what
 * stands in where Web Locks are missing (unit tests), and it expires there, so a run cut short
 * does not block sync for good.
 */

/** The Web Lock a run holds. */
export const SYNC_LOCK = 'ghl-sync-run';
/** The `meta` key of the lease. */
export const SYNC_LEASE_KEY = META_KEYS.syncLease;

/**
 * A renewal this recent says the lease's run is alive: it renews before every contact, and one
 * contact takes seconds. A lease renewed longer ago is most likely a dead worker's.
 */
export const LEASE_LIVE_MS = 30_000;

/** Who runs the sync, until when. */
export interface SyncLease {
  owner: string;
  expiresAt: number;
  /** When it was taken or last renewed (absent in leases of older versions). */
  renewedAt?: number;
}

function isLease(value: unknown): value is SyncLease {
  const lease = value as Partial<SyncLease> | undefined;
  return typeof lease?.owner === 'string' && typeof lease.expiresAt === 'number';
}

/**
 * The lease of a run that looks alive at `now`: not expired and renewed within
 * {@link LEASE_LIVE_MS}. What the status calls "running" when the run is in another context.
 */
export async function liveLease(db: CacheDatabase, now: number): Promise<SyncLease | undefined> {
  const lease = await db.get('meta', SYNC_LEASE_KEY);
  if (!isLease(lease) || lease.expiresAt <= now) return undefined;
  return lease.renewedAt !== undefined && now - lease.renewedAt < LEASE_LIVE_MS ? lease : undefined;
}

/**
 * Takes the lease for `owner` unless someone else holds one that has not expired (or `takeOver`:
 * the caller holds the Web Lock, so that someone is dead); renews it when `owner` holds it. One
 * read-write transaction: two contexts cannot both take it.
 */
export async function takeLease(
  db: CacheDatabase,
  owner: string,
  now: number,
  ttlMs: number,
  options: { takeOver?: boolean } = {},
): Promise<boolean> {
  const tx = db.transaction('meta', 'readwrite');
  const current = await tx.store.get(SYNC_LEASE_KEY);
  const heldByOther = isLease(current) && current.owner !== owner && current.expiresAt > now;
  if (heldByOther && !options.takeOver) {
    await tx.done;
    return false;
  }
  const lease: SyncLease = { owner, expiresAt: now + ttlMs, renewedAt: now };
  await tx.store.put(lease, SYNC_LEASE_KEY);
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
 * answers `{ ran: false }`. Without Web Locks (unit tests) the lock is per process, and `task` is
 * told so: only a Web Lock proves that whoever held it before is gone.
 */
export async function withLockIfAvailable<T>(
  name: string,
  task: (lock: { webLock: boolean }) => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) {
    return locks.request(name, { ifAvailable: true }, async (lock) =>
      lock ? { ran: true as const, value: await task({ webLock: true }) } : { ran: false as const },
    );
  }
  if (heldInProcess.has(name)) return { ran: false };
  heldInProcess.add(name);
  try {
    return { ran: true, value: await task({ webLock: false }) };
  } finally {
    heldInProcess.delete(name);
  }
}
