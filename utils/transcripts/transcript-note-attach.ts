import type { GhlNote } from '../ghl/schemas/note-schemas';
import { appendActivity } from './activity-log';
import { narrateActivity } from './activity-narrative';
import { contactDisplayName } from './transcript-snapshot';
import type { TranscriptStoreDeps } from './transcript-store';

/**
 * Attaches a note a person wrote from a transcript's panel to that transcript, once GHL has it,
 * whatever the notes setting: with "pinned only", the sync attaches only pinned notes, but a note
 * made from this transcript belongs on it. Adds a "Note … attached" line to its timeline. A no-op
 * (answering false) when the note is attached already (the outbox may run its effects twice) or
 * the transcript no longer links to the note's contact.
 */
export async function attachNoteToTranscript(
  deps: TranscriptStoreDeps,
  transcriptId: string,
  contactId: string,
  note: GhlNote,
): Promise<boolean> {
  const db = await deps.db.get();
  const tx = db.transaction(['links', 'transcripts', 'contacts', 'activity'], 'readwrite');
  const link = await tx.objectStore('links').get(transcriptId);
  const record = await tx.objectStore('transcripts').get(transcriptId);
  if (link?.contactId !== contactId || !record || record.noteIds.includes(note.id)) {
    await tx.done;
    return false;
  }
  const panelNoteIds = [...(record.panelNoteIds ?? []), note.id];
  await tx.objectStore('transcripts').put({
    ...record,
    noteIds: [...record.noteIds, note.id],
    panelNoteIds,
  });
  const cached = await tx.objectStore('contacts').get(contactId);
  const line = narrateActivity(
    { kind: 'note-attached', note },
    {
      contactId,
      contactName: contactDisplayName(cached?.contact),
      locationId: link.locationId,
      at: deps.clock.now(),
      timeZone: deps.timeZone,
    },
  );
  await appendActivity(tx.objectStore('activity'), transcriptId, [line]);
  await tx.done;
  return true;
}
