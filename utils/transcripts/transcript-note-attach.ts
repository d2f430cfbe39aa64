import type { GhlNote } from '../ghl/schemas/note-schemas';
import { appendNoteLine } from './note-timeline-line';
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
  await appendNoteLine(deps, tx, transcriptId, link, { kind: 'note-attached', note });
  return true;
}
