import type { CachedAppointment, CachedContact } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { CallOptions } from '../ghl/ghl-client';
import type { GhlContactListItem } from '../ghl/schemas/contact-schemas';
import { SCOPE_CONTACTS_READ } from '../ghl/api-constants';
import { GhlError } from '../ghl/ghl-error';
import type { PartFlags } from '../transcripts/contact-parts';
import {
  eventsWindow,
  mergeWindowed,
  readEventsInBulk,
  type CalendarGhl,
} from './appointment-bulk-read';
import {
  CALENDARS_REFRESH_MS,
  isScopeRefusal,
  readBulkFacts,
  saveBulkFacts,
  SCOPE_CALENDARS_READ,
  SCOPE_EVENTS_READ,
  SCOPE_TASKS_SEARCH,
  bulkReadOff,
  type BulkFacts,
} from './bulk-scopes';
import { readContactsById } from './contact-bulk-read';
import type { FetchedContact } from './contact-findings';
import { markStale, scanChangedContacts, type ScanGhl } from './contact-scan';
import { readTasksInBulk, type TaskSearchGhl } from './task-bulk-read';
import { contactFromSearch } from './search-contact-shape';

/**
 * The bulk half of a sync run (issue 17): before the due contacts are synced one by one, what
 * GHL can answer for many contacts at once is read at once. Contacts: one scan of the location's
 * changes (contact-scan) and a search by ids for the changed and the never-synced ones; tasks:
 * the location's task search by contact ids; appointments: the location's calendar events.
 * Notes have no bulk endpoint: each due contact's notes are still read on their own, as is every
 * part a bulk read could not answer (a scope the token lacks, more than a scan reads, a contact
 * search does not show yet).
 */

/** What the bulk reads use; the GHL client has them all. */
export type BulkGhl = ScanGhl & TaskSearchGhl & CalendarGhl;

/**
 * Fewer due contacts than this are read one by one: for a single contact a bulk read costs what
 * its own reads do, and the runs of a single open tab stay as before.
 */
export const BULK_MIN_CONTACTS = 2;

/** What {@link readInBulk} works with. */
export interface BulkReadDeps {
  db: CacheDatabase;
  ghl: BulkGhl;
  locationId: string;
  now: number;
  /** The parts the settings switch on. */
  parts: PartFlags;
  call: CallOptions;
}

/**
 * What the bulk reads found per contact (the parts they read; `sameContact` when the scan showed
 * the contact unchanged since its cached copy) and the requests they made. The optional scopes
 * GHL refused are kept in the location's facts (bulk-scopes), where the status reads them.
 */
export interface BulkReadResult {
  prefetched: Map<string, FetchedContact>;
  requests: number;
}

/** Reads what it can of `contactIds` in bulk; see the module comment. */
export async function readInBulk(
  deps: BulkReadDeps,
  contactIds: readonly string[],
): Promise<BulkReadResult> {
  const prefetched = new Map<string, FetchedContact>(
    contactIds.map((id) => [id, { readAt: deps.now }]),
  );
  const result: BulkReadResult = { prefetched, requests: 0 };
  if (contactIds.length === 0) return result;
  const cached = await readCachedState(deps.db, contactIds);
  const facts = await readBulkFacts(deps.db, deps.locationId);
  const factsBefore = JSON.stringify(facts);
  // A bulk read pays when it answers for more contacts than it costs requests: the contact scan
  // and the task search cost one each, the events one per calendar.
  const many = contactIds.length >= BULK_MIN_CONTACTS;
  if (deps.parts.contactDetails && many && !bulkReadOff(facts, SCOPE_CONTACTS_READ, deps.now)) {
    // A search GHL refuses as invalid (its filters or sort otherwise than documented) leaves the
    // contacts to GET by id for a day, rather than failing every run.
    await unlessRefused(facts, SCOPE_CONTACTS_READ, deps.now, () =>
      readContacts(deps, contactIds, cached.contacts, result),
    );
  }
  if (deps.parts.tasks && many) await readTasks(deps, contactIds, facts, result);
  const calendars = facts.calendars?.ids.length ?? 1;
  if (deps.parts.appointments && many && contactIds.length > calendars) {
    await readAppointments(deps, contactIds, cached.appointments, facts, result);
  }
  if (JSON.stringify(facts) !== factsBefore) await saveBulkFacts(deps.db, deps.locationId, facts);
  return result;
}

async function readCachedState(db: CacheDatabase, contactIds: readonly string[]) {
  const tx = db.transaction(['contacts', 'appointments']);
  const contacts = await Promise.all(contactIds.map((id) => tx.objectStore('contacts').get(id)));
  const appointments = await Promise.all(
    contactIds.map((id) => tx.objectStore('appointments').index('by-contact').getAll(id)),
  );
  await tx.done;
  return {
    contacts: new Map(contactIds.map((id, at) => [id, contacts[at]])),
    appointments: new Map(contactIds.map((id, at) => [id, appointments[at] ?? []])),
  };
}

/**
 * Contacts: unchanged since the cached copy (by the scan) → `sameContact`; changed → the scan's
 * record; never synced, cached before the scans covered every change, known stale, or the scan
 * could not tell → a search by ids. One search does not show (created seconds ago: search lags)
 * is left to GET by id. Cached contacts the scan shows changed while not due are remembered.
 */
async function readContacts(
  deps: BulkReadDeps,
  contactIds: readonly string[],
  cached: ReadonlyMap<string, CachedContact | undefined>,
  result: BulkReadResult,
) {
  const { db, locationId } = deps;
  const scan = await scanChangedContacts(deps.ghl, db, locationId, deps.now, deps.call);
  result.requests += scan.requests;
  const toSearch: string[] = [];
  const changedNow: string[] = [];
  // Without notes nothing else is read under the contact's own path: a contact deleted in GHL
  // would never answer 404. Reading it by id (GET when search does not show it) notices.
  const trustScan = deps.parts.notes && scan.changed !== 'unknown';
  for (const id of contactIds) {
    const before = cached.get(id);
    const covered =
      before?.syncedAt !== undefined &&
      before.deletedAt === undefined &&
      before.syncedAt >= scan.since &&
      !scan.stale.has(id);
    if (!covered || !trustScan || scan.changed === 'unknown') {
      toSearch.push(id);
      continue;
    }
    const seen = scan.changed.get(id);
    if (!seen || (seen.dateUpdated && seen.dateUpdated === before.dateUpdated)) {
      result.prefetched.get(id)!.sameContact = true;
    } else {
      result.prefetched.get(id)!.contact = contactFromSearch(seen, before.contact);
      changedNow.push(id);
    }
  }
  // Stale until a sync stores them (contact-cache-write clears it): this run may end first.
  const seenNotDue =
    scan.changed === 'unknown' ? [] : await changedWhileNotDue(db, scan.changed, contactIds);
  await markStale(db, locationId, [...changedNow, ...seenNotDue]);
  if (toSearch.length === 0) return;
  const { found, requests } = await readContactsById(deps.ghl, locationId, toSearch, deps.call);
  result.requests += requests;
  for (const [id, contact] of found) {
    result.prefetched.get(id)!.contact = contactFromSearch(contact, cached.get(id)?.contact);
  }
}

/** The cached contacts among `changed` that are not due now and differ from their cached copy. */
async function changedWhileNotDue(
  db: CacheDatabase,
  changed: ReadonlyMap<string, GhlContactListItem>,
  due: readonly string[],
): Promise<string[]> {
  const dueNow = new Set(due);
  const others = [...changed.values()].filter((c) => !dueNow.has(c.id));
  if (others.length === 0) return [];
  const tx = db.transaction('contacts');
  const before = await Promise.all(others.map((c) => tx.store.get(c.id)));
  await tx.done;
  return others
    .filter((c, at) => {
      const cachedCopy = before[at];
      return (
        cachedCopy && cachedCopy.deletedAt === undefined && cachedCopy.dateUpdated !== c.dateUpdated
      );
    })
    .map((c) => c.id);
}

async function readTasks(
  deps: BulkReadDeps,
  contactIds: readonly string[],
  facts: BulkFacts,
  result: BulkReadResult,
) {
  if (bulkReadOff(facts, SCOPE_TASKS_SEARCH, deps.now)) return;
  const read = await unlessRefused(facts, SCOPE_TASKS_SEARCH, deps.now, () =>
    readTasksInBulk(deps.ghl, deps.locationId, contactIds, deps.call),
  );
  if (!read) return;
  result.requests += read.requests;
  for (const [id, tasks] of read.tasks) result.prefetched.get(id)!.tasks = tasks;
}

async function readAppointments(
  deps: BulkReadDeps,
  contactIds: readonly string[],
  cached: ReadonlyMap<string, CachedAppointment[]>,
  facts: BulkFacts,
  result: BulkReadResult,
) {
  const { now } = deps;
  if (bulkReadOff(facts, SCOPE_CALENDARS_READ, now) || bulkReadOff(facts, SCOPE_EVENTS_READ, now)) {
    return;
  }
  if (!facts.calendars || now - facts.calendars.at >= CALENDARS_REFRESH_MS) {
    const calendars = await unlessRefused(facts, SCOPE_CALENDARS_READ, now, () =>
      deps.ghl.calendars.list(deps.locationId, deps.call),
    );
    if (!calendars) return;
    result.requests += 1;
    facts.calendars = { ids: calendars.map((c) => c.id), at: now };
  }
  const window = eventsWindow(now);
  const { calendars } = facts;
  const read = await unlessRefused(facts, SCOPE_EVENTS_READ, now, () =>
    readEventsInBulk(deps.ghl, deps.locationId, calendars.ids, window, deps.call),
  );
  if (!read) return;
  result.requests += read.requests;
  for (const id of contactIds) {
    const inWindow = read.byContact.get(id) ?? [];
    result.prefetched.get(id)!.appointments = mergeWindowed(cached.get(id) ?? [], inWindow, window);
  }
}

/**
 * Runs a bulk read. GHL refusing it for the token's scope, or refusing the request as invalid
 * or answering what the client cannot read (a bulk endpoint behaving otherwise than its spec),
 * answers undefined and is remembered for a day: the part is read contact by contact meanwhile.
 * Any other failure (an outage, the rate limit) ends the run as a contact's would.
 */
async function unlessRefused<T>(
  facts: BulkFacts,
  scope: string,
  now: number,
  read: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isScopeRefusal(error)) facts.missing[scope] = now;
    else if (error instanceof GhlError && ['validation', 'bad-response'].includes(error.kind)) {
      facts.unusable = { ...facts.unusable, [scope]: now };
    } else throw error;
    return undefined;
  }
}
