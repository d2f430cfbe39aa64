import type { IDBPTransaction } from 'idb';
import type { CacheDb } from '../db/cache-schema';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import { appendActivity } from './activity-log';
import { narrateActivity, type ActivityEvent } from './activity-narrative';
import { contactDisplayName } from './transcript-snapshot';
import type { TranscriptStoreDeps } from './transcript-store';

/** The transaction a note's effect holds: the link and record it changed, and the timeline. */
export type NoteLineTx = IDBPTransaction<
  CacheDb,
  ('links' | 'transcripts' | 'contacts' | 'activity')[],
  'readwrite'
>;

/** A note's event on its transcript's timeline (attached, logged…). */
export type NoteLineEvent = Extract<ActivityEvent, { note: GhlNote }>;

/**
 * Appends this note's timeline line to the transcript, in `tx`, named after the cached contact
 * (read in the same transaction, so the line and the note's attachment commit together), then
 * waits for `tx` to commit. The last step of a note's effects (attachNoteToTranscript,
 * recordTranscriptLog): nothing may be awaited in `tx` after it.
 */
export async function appendNoteLine(
  deps: Pick<TranscriptStoreDeps, 'clock' | 'timeZone'>,
  tx: NoteLineTx,
  transcriptId: string,
  link: { contactId: string; locationId: string },
  event: NoteLineEvent,
): Promise<void> {
  const cached = await tx.objectStore('contacts').get(link.contactId);
  const line = narrateActivity(event, {
    contactId: link.contactId,
    contactName: contactDisplayName(cached?.contact),
    locationId: link.locationId,
    at: deps.clock.now(),
    timeZone: deps.timeZone,
  });
  await appendActivity(tx.objectStore('activity'), transcriptId, [line]);
  await tx.done;
}
