import type { CacheDatabase } from '../db/open-cache-db';
import { CONTACT_SCAN_PREFIX } from '../db/meta-keys';
import type { CallOptions, GhlClient } from '../ghl/ghl-client';
import type { GhlContactListItem } from '../ghl/schemas/contact-schemas';

/**
 * Change detection in bulk for contacts: `POST /contacts/search` for the location's contacts
 * updated since the last look, newest first, a page of 100 per request: one request tells which
 * of thousands of linked contacts changed, instead of a GET for each (issue 17).
 *
 * GHL's search is eventually consistent (search-lag in the Sandbox cites the evidence): an update
 * may show in search a little after a newer one. Each scan therefore looks back
 * {@link SCAN_OVERLAP_MS} before the newest `dateUpdated` it saw last time; a contact seen again
 * is not read again unless its `dateUpdated` differs from the cached one (bulk-reads does that).
 */

/** The search a scan needs. */
export type ScanGhl = { contacts: Pick<GhlClient['contacts'], 'search'> };

/** Contacts per search page (GHL allows up to 500; 100 keeps an answer small). */
export const SCAN_PAGE_SIZE = 100;
/** More changed contacts than this many pages since the last look: the scan gives up (unknown). */
export const SCAN_MAX_PAGES = 5;
/** How far before the last newest `dateUpdated` a scan looks again. */
export const SCAN_OVERLAP_MS = 2 * 60_000;

/** What a scan learnt. */
export interface ContactScan {
  /**
   * Contacts updated since the last look (with the overlap), by id, as search answered them;
   * `unknown` on a location's first scan, or when more changed than a scan reads.
   */
  changed: Map<string, GhlContactListItem> | 'unknown';
  /** Requests made. */
  requests: number;
}

const scanKey = (locationId: string) => CONTACT_SCAN_PREFIX + locationId;

/** The newest `dateUpdated` (epoch ms) the last scan of the location saw, if any. */
async function readCursor(db: CacheDatabase, locationId: string): Promise<number | undefined> {
  const value: unknown = await db.get('meta', scanKey(locationId));
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const updatedAt = (contact: GhlContactListItem) =>
  contact.dateUpdated ? Date.parse(contact.dateUpdated) : NaN;

/** Scans the location's contacts changed since the last scan; see the module comment. */
export async function scanChangedContacts(
  ghl: ScanGhl,
  db: CacheDatabase,
  locationId: string,
  call: CallOptions,
): Promise<ContactScan> {
  const cursor = await readCursor(db, locationId);
  const sort = [{ field: 'dateUpdated', direction: 'desc' as const }];
  if (cursor === undefined) {
    // The first look: only where "now" is, so the next scan has a start.
    const { contacts } = await ghl.contacts.search({ locationId, pageLimit: 1, sort }, call);
    await saveCursor(db, locationId, newest(contacts, undefined));
    return { changed: 'unknown', requests: 1 };
  }
  const since = new Date(cursor - SCAN_OVERLAP_MS).toISOString();
  const filters = [{ field: 'dateUpdated', operator: 'range', value: { gte: since } }];
  const changed = new Map<string, GhlContactListItem>();
  let requests = 0;
  for (let page = 1; page <= SCAN_MAX_PAGES; page++) {
    const answer = await ghl.contacts.search(
      { locationId, pageLimit: SCAN_PAGE_SIZE, page, filters, sort },
      call,
    );
    requests += 1;
    for (const contact of answer.contacts) changed.set(contact.id, contact);
    const last = answer.contacts.at(-1);
    // GHL may ignore the filter (a real answer we cannot rule out): the sort still tells where to stop.
    const pastCursor = last !== undefined && updatedAt(last) < cursor - SCAN_OVERLAP_MS;
    if (answer.contacts.length < SCAN_PAGE_SIZE || pastCursor) {
      await saveCursor(db, locationId, newest([...changed.values()], cursor));
      return { changed, requests };
    }
  }
  // More changed than a scan reads: whoever is due is read one by one, and the next scan starts
  // from the newest seen here.
  await saveCursor(db, locationId, newest([...changed.values()], cursor));
  return { changed: 'unknown', requests };
}

function newest(contacts: readonly GhlContactListItem[], cursor: number | undefined) {
  let best = cursor;
  for (const contact of contacts) {
    const at = updatedAt(contact);
    if (Number.isFinite(at) && (best === undefined || at > best)) best = at;
  }
  return best;
}

async function saveCursor(db: CacheDatabase, locationId: string, cursor: number | undefined) {
  if (cursor !== undefined) await db.put('meta', cursor, scanKey(locationId));
}

/** Forgets a location's scan (a new connection starts over). */
export async function forgetContactScan(db: CacheDatabase, locationId: string) {
  await db.delete('meta', scanKey(locationId));
}
