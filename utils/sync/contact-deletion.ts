import { appendActivity } from '../transcripts/activity-log';
import { narrateActivity } from '../transcripts/activity-narrative';
import type { ContactSyncDeps, ContactSyncResult, TranscriptChange } from './contact-sync';
import { contactDisplayName } from '../transcripts/transcript-snapshot';

/**
 * GHL answered 404 for the contact: it was deleted there. The cache keeps the last known record
 * (the panel shows it as deleted) and every linked transcript says so once.
 */
export async function markContactDeleted(
  deps: ContactSyncDeps,
  contactId: string,
): Promise<ContactSyncResult> {
  const now = deps.clock.now();
  const tx = deps.db.transaction(['contacts', 'links', 'transcripts', 'activity'], 'readwrite');
  const before = await tx.objectStore('contacts').get(contactId);
  if (before?.deletedAt !== undefined) {
    await tx.objectStore('contacts').put({ ...before, syncedAt: now });
    await tx.done;
    return { requests: 1, changes: 0, changedTranscripts: [], deleted: true };
  }
  await tx.objectStore('contacts').put({
    id: contactId,
    locationId: deps.locationId,
    contact: before?.contact ?? { id: contactId },
    dateUpdated: before?.dateUpdated,
    syncedAt: now,
    lastUsedAt: before?.lastUsedAt ?? now,
    deletedAt: now,
  });
  const context = {
    contactId,
    contactName: before ? contactDisplayName(before.contact) : 'Unknown contact',
    locationId: deps.locationId,
    at: now,
    timeZone: deps.timeZone,
  };
  const changedTranscripts: TranscriptChange[] = [];
  for (const link of await tx.objectStore('links').index('by-contact').getAll(contactId)) {
    const record = (await tx.objectStore('transcripts').get(link.transcriptId)) ?? {
      transcriptId: link.transcriptId,
      noteIds: [],
    };
    await tx.objectStore('transcripts').put({ ...record, contactDeletedAt: now });
    await appendActivity(tx.objectStore('activity'), link.transcriptId, [
      narrateActivity({ kind: 'contact-deleted' }, context),
    ]);
    changedTranscripts.push({
      transcriptId: link.transcriptId,
      contactId,
      what: ['contact', 'activity'],
    });
  }
  await tx.done;
  return { requests: 1, changes: 1, changedTranscripts, deleted: true };
}
