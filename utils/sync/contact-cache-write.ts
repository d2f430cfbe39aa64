import { appliedMapping, MAPPING_APPLIED_KEY } from '../mapping/mapping-apply';
import type { CachedChild, CachedContact } from '../db/cache-schema';
import { LOCAL_DELETES_KEY, parseLocalDeletes } from '../outbox/local-deletes';
import { appendActivity } from '../transcripts/activity-log';
import type { Hashed } from './change-detection';
import { changesFound, findChanges, type FetchedContact } from './contact-findings';
import { parsePartsLeftOut, partsLeftOut, partsLeftOutKey } from '../transcripts/contact-parts';
import type { ContactSyncDeps, ContactSyncResult, TranscriptChange } from './contact-sync';
import { narrateAll, updateLinkedTranscript } from './linked-transcript-update';
import { clearStale } from './contact-scan';
import { preferNewerWrites } from './newer-writes';
import { contactDisplayName } from '../transcripts/transcript-snapshot';

/** Every store the write reads or changes: one transaction covers them all. */
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
 * Writes what syncContact fetched into the cache, in one transaction that also reads the "before"
 * state: the contact, its tasks, notes and appointments, and every linked transcript's record
 * (fields snapshot, attached notes) and timeline. A part not read (switched off) keeps its cached
 * data, and the parts left out are noted (see contact-parts). `startedAt` is when the GHL reads
 * began: cached data newer than that wins. Answers which transcripts' views changed.
 */
export async function storeFetchedContact(
  deps: ContactSyncDeps,
  contactId: string,
  read: FetchedContact,
  startedAt: number,
): Promise<Omit<ContactSyncResult, 'requests'>> {
  const { db, clock, settings, mapping, timeZone } = deps;
  const now = clock.now();
  const tx = db.transaction(STORES, 'readwrite');
  const before = await tx.objectStore('contacts').get(contactId);
  // Another sync of this contact, started later, already wrote newer data: keep it.
  if (before?.syncedAt !== undefined && before.syncedAt > startedAt) {
    await tx.done;
    return { changes: 0, changedTranscripts: [], deleted: false };
  }
  const [tasks, notes, appointments] = await Promise.all([
    tx.objectStore('tasks').index('by-contact').getAll(contactId),
    tx.objectStore('notes').index('by-contact').getAll(contactId),
    tx.objectStore('appointments').index('by-contact').getAll(contactId),
  ]);
  const meta = tx.objectStore('meta');
  const partsKey = partsLeftOutKey(contactId);
  const cachedState = {
    contact: before,
    tasks,
    notes,
    appointments,
    partsLeftOut: parsePartsLeftOut(await meta.get(partsKey)),
  };
  const localDeletes = parseLocalDeletes(await meta.get(LOCAL_DELETES_KEY));
  // The scan saw no change since the cached copy: it is what a read would have answered.
  const answered = read.sameContact && before ? { ...read, contact: before.contact } : read;
  // A person's write cached after the reads started is newer than what they answered.
  const fetched = preferNewerWrites(cachedState, answered, startedAt, localDeletes);
  // The mapping the records are computed with: a save since this run read its own wins.
  const liveMapping = appliedMapping(await meta.get(MAPPING_APPLIED_KEY)) ?? mapping;
  const findings = findChanges(cachedState, fetched, {
    notes: settings.notes,
    mapping: liveMapping,
    timeZone,
  });
  const leftOut = partsLeftOut(findings.fetched);
  if (leftOut) await meta.put(leftOut, partsKey);
  else if (cachedState.partsLeftOut.size > 0) await meta.delete(partsKey);

  // Without the contact read, the cached copy stays (a placeholder when there is none yet).
  const contact = fetched.contact ?? before?.contact ?? { id: contactId };
  const anyRead = Object.values(findings.fetched).some(Boolean);
  const cached: CachedContact = {
    id: contactId,
    locationId: deps.locationId,
    contact,
    dateUpdated: fetched.contact ? (fetched.contact.dateUpdated ?? undefined) : before?.dateUpdated,
    syncedAt: now,
    lastUsedAt: now,
    // GHL answered a read under the contact: it has it. Nothing read, nothing learnt.
    ...(!anyRead && before?.deletedAt !== undefined && { deletedAt: before.deletedAt }),
  };
  await tx.objectStore('contacts').put(cached);
  // A fresh read of the contact is stored: a scan's "changed since" no longer applies.
  if (read.contact !== undefined) await clearStale(meta, deps.locationId, contactId);
  if (findings.hashedTasks) {
    const taskStore = tx.objectStore('tasks');
    for (const id of goneIds(tasks, findings.hashedTasks)) await taskStore.delete(id);
    for (const record of childRecords(findings.hashedTasks, contactId, now)) {
      await taskStore.put(record);
    }
  }
  if (findings.hashedNotes) {
    const noteStore = tx.objectStore('notes');
    for (const id of goneIds(notes, findings.hashedNotes)) await noteStore.delete(id);
    for (const record of childRecords(findings.hashedNotes, contactId, now)) {
      await noteStore.put(record);
    }
  }
  if (fetched.appointments) {
    const appointmentStore = tx.objectStore('appointments');
    for (const old of appointments) await appointmentStore.delete(old.id);
    for (const value of fetched.appointments) {
      await appointmentStore.put({ id: value.id, contactId, value, fetchedAt: now });
    }
  }

  const context = {
    contactId,
    contactName: contactDisplayName(contact),
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
    const update = updateLinkedTranscript(record, findings, now, liveMapping);
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
  return { changes: changesFound(findings), changedTranscripts, deleted: false };
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
