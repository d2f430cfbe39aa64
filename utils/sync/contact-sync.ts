import type { TranscriptChange } from '../transcripts/transcript-change';
import type { Clock } from '../clock';
import type { CacheDatabase } from '../db/open-cache-db';
import type { CallOptions } from '../ghl/ghl-client';
import { GhlError } from '../ghl/ghl-error';
import type { FieldMapping } from '../mapping/field-mapping';
import { storeFetchedContact } from './contact-cache-write';
import { markContactDeleted } from './contact-deletion';
import type { FetchedContact } from './contact-findings';
import { partsToFetch, requestCount, type PartFlags } from '../transcripts/contact-parts';
import type { ContactReads } from './contact-reads';
import type { SyncSettings } from '../storage/sync-settings';

/** What {@link syncContact} works with. */
export interface ContactSyncDeps {
  db: CacheDatabase;
  ghl: ContactReads;
  locationId: string;
  clock: Clock;
  /** What to sync: the parts read, and which notes are attached. */
  settings: Pick<SyncSettings, 'notes' | 'contactDetails' | 'tasks' | 'appointments'>;
  /** The live field mapping: what a transcript's record keeps of the contact. */
  mapping: FieldMapping;
  /** Time zone of the dates in timeline lines; the runtime's by default. */
  timeZone?: string;
}

export type { TranscriptChange } from '../transcripts/transcript-change';

/** What one contact sync did. */
export interface ContactSyncResult {
  /** GHL calls made: one per part switched on (1 when GET contact found the contact gone). */
  requests: number;
  /** Changes found in GHL (none on a contact's first sync: that is the baseline). */
  changes: number;
  changedTranscripts: TranscriptChange[];
  /** GHL answered 404: the contact was deleted there. */
  deleted: boolean;
}

/**
 * Syncs one contact: GET the contact, its tasks, notes and appointments (each part only when the
 * settings switch it on, see contact-parts); write them to the cache; update every linked
 * transcript's record (fields snapshot, attached notes) and timeline. The network comes first and
 * every cache write after, in one transaction that also reads the "before" state: two syncs of one
 * contact at once cannot both narrate the same change, and a person's write cached meanwhile is
 * kept (see preferNewerWrites).
 *
 * With contact details off the contact is not read: its cached copy stays (the name the link was
 * made with), the records' fields are not refreshed, and a contact deleted in GHL is noticed only
 * when a list under it answers 404 (GHL's lists are paths under /contacts/:id); with every part
 * off, not at all.
 */
export async function syncContact(
  deps: ContactSyncDeps,
  contactId: string,
  call: CallOptions,
  prefetched: FetchedContact = {},
): Promise<ContactSyncResult> {
  const { ghl, clock } = deps;
  // A bulk read was made before this contact's turn: cached data newer than it still wins.
  const startedAt = prefetched.readAt ?? clock.now();
  const parts = partsToFetch(deps.settings);
  const toRead = stillToRead(parts, prefetched);
  let read: FetchedContact;
  try {
    read = { ...prefetched, ...(await readParts(ghl, contactId, toRead, call)) };
  } catch (error) {
    if (error instanceof GhlError && error.kind === 'not-found')
      return markContactDeleted(deps, contactId);
    throw error;
  }
  const result = await storeFetchedContact(deps, contactId, read, startedAt);
  return { ...result, requests: requestCount(toRead) };
}

/** The parts switched on that a bulk read did not answer: each is a request of its own. */
function stillToRead(parts: PartFlags, prefetched: FetchedContact): PartFlags {
  return {
    contactDetails:
      parts.contactDetails && prefetched.contact === undefined && !prefetched.sameContact,
    tasks: parts.tasks && prefetched.tasks === undefined,
    notes: parts.notes && prefetched.notes === undefined,
    appointments: parts.appointments && prefetched.appointments === undefined,
  };
}

/**
 * The parts in `parts`, read from GHL. The contact comes first: when GHL no longer has it the
 * lists are not asked for. Without it, the lists go together and the first 404 answers.
 */
async function readParts(
  ghl: ContactReads,
  contactId: string,
  parts: PartFlags,
  call: CallOptions,
): Promise<FetchedContact> {
  const contact = parts.contactDetails ? await ghl.contacts.get(contactId, call) : undefined;
  const [tasks, notes, appointments] = await Promise.all([
    parts.tasks ? ghl.tasks.list(contactId, call) : undefined,
    parts.notes ? ghl.notes.list(contactId, call) : undefined,
    parts.appointments ? ghl.appointments.list(contactId, call) : undefined,
  ]);
  const read: FetchedContact = {};
  if (contact !== undefined) read.contact = contact;
  if (tasks !== undefined) read.tasks = tasks;
  if (notes !== undefined) read.notes = notes;
  if (appointments !== undefined) read.appointments = appointments;
  return read;
}
