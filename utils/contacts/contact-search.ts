import type { ConnectionClient } from '../auth/connection-client';
import type { CachedContact } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { GhlContact, GhlContactListItem } from '../ghl/schemas/contact-schemas';
import type { ContactSummary } from '../messaging/protocol';
import { contactSummary, rankContacts } from './contact-match';

/** Results a search answers at most: what fits the panel's list without scrolling far. */
export const SEARCH_LIMIT = 10;

/** The contacts the cache holds for a location, those known deleted in GHL left out. */
export async function cachedCandidates(
  db: CacheDatabase,
  locationId: string,
): Promise<CachedContact[]> {
  // One read of the whole store: it is bounded by the eviction setting, and matching in memory
  // answers a keystroke faster than walking an index per field.
  const all = await db.getAll('contacts');
  return all.filter((c) => c.locationId === locationId && c.deletedAt === undefined);
}

/** Contacts of the location matching a name, email or phone, from the cache only. */
export async function searchCache(
  db: CacheDatabase,
  locationId: string,
  query: string,
  limit: number = SEARCH_LIMIT,
): Promise<ContactSummary[]> {
  const found = rankContacts(await cachedCandidates(db, locationId), query, limit);
  return found.map((cached) => contactSummary(cached.contact));
}

/** The longest `query` GHL's search takes (sandbox/documented-search-body.ts). */
export const SEARCH_QUERY_MAX = 75;

/**
 * Asks GHL (POST /contacts/search, at a person's priority) and caches what it found, so the
 * next keystroke's cache search and a link made offline know these contacts. Answers them, less
 * any the cache knows GHL deleted (its search index lags behind deletes).
 */
export async function searchGhl(
  db: CacheDatabase,
  client: Pick<ConnectionClient, 'ghl' | 'locationId'>,
  query: string,
  now: number,
): Promise<GhlContact[]> {
  const { locationId } = client;
  const answer = await client.ghl.contacts.search(
    // GHL takes a query of at most 75 characters (422 beyond): a longer one is cut, not refused.
    { locationId, query: query.slice(0, SEARCH_QUERY_MAX), pageLimit: SEARCH_LIMIT },
    { priority: 'user' },
  );
  return cacheSearchResults(db, locationId, answer.contacts, now);
}

/**
 * Puts contacts GHL listed into the cache, each counted as used now (the eviction keeps what a
 * person looked at). A contact the sync has synced keeps its cached copy: the sync finds what
 * changed in GHL by comparing with it, and a list item is not the whole contact anyway. An
 * unsynced one is replaced only by a newer version (GHL's dateUpdated), so a person's write the
 * outbox cached meanwhile wins.
 */
export async function cacheSearchResults(
  db: CacheDatabase,
  locationId: string,
  listed: readonly GhlContactListItem[],
  now: number,
): Promise<GhlContact[]> {
  const tx = db.transaction('contacts', 'readwrite');
  const store = tx.objectStore('contacts');
  const kept: GhlContact[] = [];
  for (const item of listed) {
    const contact = listedContact(item);
    const cached = await store.get(contact.id);
    if (cached?.deletedAt !== undefined) continue;
    kept.push(contact);
    await store.put(searchedContact(cached, contact, locationId, now));
  }
  await tx.done;
  return kept;
}

function searchedContact(
  cached: CachedContact | undefined,
  contact: GhlContact,
  locationId: string,
  now: number,
): CachedContact {
  if (!cached) {
    const dateUpdated = contact.dateUpdated ?? undefined;
    return { id: contact.id, locationId, contact, dateUpdated, lastUsedAt: now };
  }
  if (cached.syncedAt !== undefined || !isNewer(contact, cached)) {
    return { ...cached, lastUsedAt: now };
  }
  return { ...cached, contact, dateUpdated: contact.dateUpdated ?? undefined, lastUsedAt: now };
}

/** Whether GHL updated the listed contact after the cached version. */
function isNewer(contact: GhlContact, cached: CachedContact): boolean {
  const listedAt = Date.parse(contact.dateUpdated ?? '');
  const cachedAt = Date.parse(cached.dateUpdated ?? '');
  return Number.isNaN(cachedAt) ? !Number.isNaN(listedAt) : listedAt > cachedAt;
}

/**
 * A search hit as a contact: without the paging cursor GHL puts on each hit, and with its street
 * address where a contact has it (search answers name it `address`, GET by id `address1`: #314).
 */
function listedContact(item: GhlContactListItem): GhlContact {
  const contact: Record<string, unknown> = { ...item };
  delete contact.searchAfter;
  if (contact.address1 == null && typeof item.address === 'string') contact.address1 = item.address;
  return contact as GhlContact;
}
