import type { Clock } from '../clock';
import type { CachedChild, CachedContact } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { CallOptions } from '../ghl/ghl-client';
import { GhlError } from '../ghl/ghl-error';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { appendActivity } from './activity-log';
import type { Hashed } from './change-detection';
import { markContactDeleted } from './contact-deletion';
import { changesFound, findChanges, type FetchedContact } from './contact-findings';
import type { ContactReads } from './contact-reads';
import { narrateAll, updateLinkedTranscript } from './linked-transcript-update';
import { preferNewerWrites } from './newer-writes';
import { LOCAL_DELETES_KEY, parseLocalDeletes } from '../outbox/local-deletes';
import type { SyncSettings } from './sync-settings';
import { contactDisplayName } from './transcript-snapshot';

/** What {@link syncContact} works with. */
export interface ContactSyncDeps {
  db: CacheDatabase;
  ghl: ContactReads;
  locationId: string;
  clock: Clock;
  settings: Pick<SyncSettings, 'notes'>;
  /** Time zone of the dates in timeline lines; the runtime's by default. */
  timeZone?: string;
}

/** A linked transcript whose cached view changed: what its open panel is told. */
export interface TranscriptChange {
  transcriptId: string;
  contactId: string;
  /** What changed: "contact", "tasks", "notes", "appointments", "activity". */
  what: string[];
}

/** What one contact sync did. */
export interface ContactSyncResult {
  /** GHL calls made (1 when the contact is gone, else 4). */
  requests: number;
  /** Changes found in GHL (none on a contact's first sync: that is the baseline). */
  changes: number;
  changedTranscripts: TranscriptChange[];
  /** GHL answered 404: the contact was deleted there. */
  deleted: boolean;
}

const STORES = [
  'contacts',
  'tasks',
  'notes',
  'appointments',
  'links',
  'transcripts',
  'activity',
  'meta',
] as const;

/**
 * Syncs one contact: GET the contact, its tasks, notes and appointments; write them to the
 * cache; update every linked transcript's record (fields snapshot, attached notes) and timeline.
 * The network comes first and every cache write after, in one transaction that also reads the
 * "before" state: two syncs of one contact at once cannot both narrate the same change, and a
 * person's write cached meanwhile is kept (see preferNewerWrites).
 */
export async function syncContact(
  deps: ContactSyncDeps,
  contactId: string,
  call: CallOptions,
): Promise<ContactSyncResult> {
  const { ghl, clock } = deps;
  const startedAt = clock.now();
  let contact: GhlContact;
  try {
    contact = await ghl.contacts.get(contactId, call);
  } catch (error) {
    if (error instanceof GhlError && error.kind === 'not-found')
      return markContactDeleted(deps, contactId);
    throw error;
  }
  const [tasks, notes, appointments] = await Promise.all([
    ghl.tasks.list(contactId, call),
    ghl.notes.list(contactId, call),
    ghl.appointments.list(contactId, call),
  ]);
  return store(deps, { contact, tasks, notes, appointments }, startedAt);
}

async function store(
  deps: ContactSyncDeps,
  read: FetchedContact,
  startedAt: number,
): Promise<ContactSyncResult> {
  const { db, clock, settings, timeZone } = deps;
  const contactId = read.contact.id;
  const now = clock.now();
  const tx = db.transaction(STORES, 'readwrite');
  const before = await tx.objectStore('contacts').get(contactId);
  // Another sync of this contact, started later, already wrote newer data: keep it.
  if (before?.syncedAt !== undefined && before.syncedAt > startedAt) {
    await tx.done;
    return { requests: 4, changes: 0, changedTranscripts: [], deleted: false };
  }
  const [tasks, notes, appointments] = await Promise.all([
    tx.objectStore('tasks').index('by-contact').getAll(contactId),
    tx.objectStore('notes').index('by-contact').getAll(contactId),
    tx.objectStore('appointments').index('by-contact').getAll(contactId),
  ]);
  const cachedState = { contact: before, tasks, notes, appointments };
  const localDeletes = parseLocalDeletes(await tx.objectStore('meta').get(LOCAL_DELETES_KEY));
  // A person's write cached after the reads started is newer than what they answered.
  const fetched = preferNewerWrites(cachedState, read, startedAt, localDeletes);
  const findings = findChanges(cachedState, fetched, {
    notes: settings.notes,
    timeZone,
  });

  const cached: CachedContact = {
    id: contactId,
    locationId: deps.locationId,
    contact: fetched.contact,
    dateUpdated: fetched.contact.dateUpdated ?? undefined,
    syncedAt: now,
    lastUsedAt: now,
  };
  await tx.objectStore('contacts').put(cached);
  const taskStore = tx.objectStore('tasks');
  for (const id of goneIds(tasks, findings.hashedTasks)) await taskStore.delete(id);
  for (const record of childRecords(findings.hashedTasks, contactId, now)) {
    await taskStore.put(record);
  }
  const noteStore = tx.objectStore('notes');
  for (const id of goneIds(notes, findings.hashedNotes)) await noteStore.delete(id);
  for (const record of childRecords(findings.hashedNotes, contactId, now)) {
    await noteStore.put(record);
  }
  const appointmentStore = tx.objectStore('appointments');
  for (const old of appointments) await appointmentStore.delete(old.id);
  for (const value of fetched.appointments) {
    await appointmentStore.put({ id: value.id, contactId, value, fetchedAt: now });
  }

  const context = {
    contactId,
    contactName: contactDisplayName(fetched.contact),
    locationId: deps.locationId,
    at: now,
    timeZone,
  };
  const changedTranscripts: TranscriptChange[] = [];
  const links = await tx.objectStore('links').index('by-contact').getAll(contactId);
  for (const link of links) {
    const record = (await tx.objectStore('transcripts').get(link.transcriptId)) ?? {
      transcriptId: link.transcriptId,
      noteIds: [],
    };
    const update = updateLinkedTranscript(record, findings, now);
    await tx.objectStore('transcripts').put(update.record);
    await appendActivity(
      tx.objectStore('activity'),
      link.transcriptId,
      narrateAll(update.events, context),
    );
    if (update.what.length > 0) {
      changedTranscripts.push({ transcriptId: link.transcriptId, contactId, what: update.what });
    }
  }
  await tx.done;
  return { requests: 4, changes: changesFound(findings), changedTranscripts, deleted: false };
}

/** Ids cached before that GHL no longer lists. */
function goneIds(cached: readonly { id: string }[], fetched: readonly Hashed<{ id: string }>[]) {
  const keep = new Set(fetched.map((f) => f.value.id));
  return cached.map((c) => c.id).filter((id) => !keep.has(id));
}

/** Fetched tasks or notes as the cache stores them. */
function childRecords<T extends { id: string }>(
  fetched: readonly Hashed<T>[],
  contactId: string,
  fetchedAt: number,
): CachedChild<T>[] {
  return fetched.map(({ value, hash }) => ({ id: value.id, contactId, value, hash, fetchedAt }));
}
