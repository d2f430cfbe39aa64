import type { CachedChild, CachedContact } from '../db/cache-schema';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import type { CachedContactState, FetchedContact } from './contact-findings';

/**
 * A person's write can land in the cache while a sync is between its reads and its store: the
 * outbox (completeJob) and recordTaskWrite put GHL's answer there with a `fetchedAt` of their
 * own, and a contact with GHL's newer `dateUpdated`. What the sync read is then older than the
 * cache: stored, it would undo the write in the panel, narrate it undone ("Task … reopened", a
 * new task "deleted in GHL"), and the next sync would narrate the write again. So for those
 * records the cache wins: the fetched copy is replaced by the cached one (nothing to narrate,
 * nothing deleted), and the next sync compares GHL with the person's write. A task or note the
 * person deleted after the reads started (`localDeletes`, by id: when the cache forgot it) is left
 * out: the cache no longer has it to compare with, and it would come back as "added". A part the
 * sync did not read (switched off) stays unread.
 */
export function preferNewerWrites(
  before: CachedContactState,
  fetched: FetchedContact,
  readStartedAt: number,
  localDeletes: ReadonlyMap<string, number> = new Map(),
): FetchedContact {
  const kept = <T extends { id: string }>(records: readonly T[]) =>
    records.filter((record) => (localDeletes.get(record.id) ?? readStartedAt) <= readStartedAt);
  return {
    ...fetched,
    contact: fetched.contact && (newerContact(before.contact, fetched.contact) ?? fetched.contact),
    tasks: fetched.tasks && withNewer(before.tasks, kept(fetched.tasks), readStartedAt),
    notes: fetched.notes && withNewer(before.notes, kept(fetched.notes), readStartedAt),
  };
}

/** The cached contact, when GHL updated it after the version the sync read. */
function newerContact(cached: CachedContact | undefined, fetched: GhlContact) {
  if (!cached || cached.deletedAt !== undefined) return undefined;
  const cachedAt = Date.parse(cached.dateUpdated ?? '');
  const fetchedAt = Date.parse(fetched.dateUpdated ?? '');
  return cachedAt > fetchedAt ? cached.contact : undefined;
}

/**
 * The fetched records, with those cached after the read started in their place; one cached
 * after the read started but not fetched was created meanwhile: it is kept.
 */
function withNewer<T extends { id: string }>(
  cached: readonly CachedChild<T>[],
  fetched: readonly T[],
  readStartedAt: number,
): T[] {
  const newer = new Map(cached.filter((c) => c.fetchedAt > readStartedAt).map((c) => [c.id, c]));
  const merged = fetched.map((value) => newer.get(value.id)?.value ?? value);
  const listed = new Set(fetched.map((value) => value.id));
  for (const [id, record] of newer) if (!listed.has(id)) merged.push(record.value);
  return merged;
}
