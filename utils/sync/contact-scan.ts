import { z } from 'zod';
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
 *
 * A scan only covers what changed since scans began (`since`, this browser's clock): a contact
 * cached before that may have changed unseen, so it is read by id when next due. A cached contact
 * a scan shows changed while it is not due is remembered (`stale`) until it is: the next scans
 * start later and would not show it again.
 */

/** The search a scan needs. */
export type ScanGhl = { contacts: Pick<GhlClient['contacts'], 'search'> };

/** Contacts per search page (GHL allows up to 500; 100 keeps an answer small). */
export const SCAN_PAGE_SIZE = 100;
/** More changed contacts than this many pages since the last look: the scan starts over. */
export const SCAN_MAX_PAGES = 5;
/** How far before the last newest `dateUpdated` a scan looks again. */
export const SCAN_OVERLAP_MS = 2 * 60_000;
/** Contacts remembered as changed while not due, at most (the oldest are forgotten first). */
export const STALE_MAX = 5_000;

/** What is kept of a location's scans in the cache's `meta` store. */
const scanStateSchema = z.object({
  /** The newest `dateUpdated` (GHL's clock, epoch ms) the scans saw. */
  cursor: z.number().optional(),
  /** Since when (this browser's clock) the scans cover every change. */
  since: z.number(),
  /** Cached contacts a scan showed changed while they were not due. */
  stale: z.array(z.string()),
});
type ScanState = z.infer<typeof scanStateSchema>;

/** What a scan learnt. */
export interface ContactScan {
  /**
   * Contacts updated since the last look (with the overlap), by id, as search answered them;
   * `unknown` when the scans start over (the first, or more changed than a scan reads).
   */
  changed: Map<string, GhlContactListItem> | 'unknown';
  /** Since when the scans cover every change (this browser's clock). */
  since: number;
  /** Cached contacts known changed since their last sync (a scan saw them while not due). */
  stale: ReadonlySet<string>;
  /** Requests made. */
  requests: number;
}

const scanKey = (locationId: string) => CONTACT_SCAN_PREFIX + locationId;

async function readState(db: CacheDatabase, locationId: string): Promise<ScanState | undefined> {
  const parsed = scanStateSchema.safeParse(await db.get('meta', scanKey(locationId)));
  return parsed.success ? parsed.data : undefined;
}

const updatedAt = (contact: GhlContactListItem) =>
  contact.dateUpdated ? Date.parse(contact.dateUpdated) : NaN;

/** Scans the location's contacts changed since the last scan, at `now`; see the module comment. */
export async function scanChangedContacts(
  ghl: ScanGhl,
  db: CacheDatabase,
  locationId: string,
  now: number,
  call: CallOptions,
): Promise<ContactScan> {
  const state = await readState(db, locationId);
  const sort = [{ field: 'dateUpdated', direction: 'desc' as const }];
  if (state?.cursor === undefined) {
    // The first look: only where "now" is, so the next scan has a start.
    const { contacts } = await ghl.contacts.search({ locationId, pageLimit: 1, sort }, call);
    const fresh = { cursor: newest(contacts, undefined), since: now, stale: [] };
    await db.put('meta', fresh, scanKey(locationId));
    return { changed: 'unknown', since: now, stale: new Set(), requests: 1 };
  }
  const { cursor } = state;
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
      const next = { ...state, cursor: newest([...changed.values()], cursor) };
      await db.put('meta', next, scanKey(locationId));
      return { changed, since: state.since, stale: new Set(state.stale), requests };
    }
  }
  // More changed than a scan reads: the scans start over from the newest seen here, and every
  // contact cached before now is read by id when next due.
  const over = { cursor: newest([...changed.values()], cursor), since: now, stale: [] };
  await db.put('meta', over, scanKey(locationId));
  return { changed: 'unknown', since: now, stale: new Set(), requests };
}

/**
 * Remembers contacts a scan showed changed (due or not) until a sync stores a fresh read of them
 * ({@link clearStale}): the next scans start later and would not show them again, and a run may
 * end (a failure, the quota pause) before it stores them.
 */
export async function markStale(db: CacheDatabase, locationId: string, changed: readonly string[]) {
  if (changed.length === 0) return;
  const tx = db.transaction('meta', 'readwrite');
  const parsed = scanStateSchema.safeParse(await tx.store.get(scanKey(locationId)));
  if (parsed.success) {
    const stale = [...new Set([...parsed.data.stale, ...changed])].slice(-STALE_MAX);
    await tx.store.put({ ...parsed.data, stale }, scanKey(locationId));
  }
  await tx.done;
}

/** The part of the `meta` store {@link clearStale} needs (inside the caller's transaction). */
interface MetaStore {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
}

/** A fresh read of the contact was stored: it is no longer stale. */
export async function clearStale(meta: MetaStore, locationId: string, contactId: string) {
  const parsed = scanStateSchema.safeParse(await meta.get(scanKey(locationId)));
  if (!parsed.success || !parsed.data.stale.includes(contactId)) return;
  const stale = parsed.data.stale.filter((id) => id !== contactId);
  await meta.put({ ...parsed.data, stale }, scanKey(locationId));
}

function newest(contacts: readonly GhlContactListItem[], cursor: number | undefined) {
  let best = cursor;
  for (const contact of contacts) {
    const at = updatedAt(contact);
    if (Number.isFinite(at) && (best === undefined || at > best)) best = at;
  }
  return best;
}
