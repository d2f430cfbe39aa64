import type { GhlNote } from '../ghl/schemas/note-schemas';
import { appendNoteLine } from './note-timeline-line';
import type { TranscriptStoreDeps } from './transcript-store';

/**
 * Records the note "Log this transcript to GHL" wrote, once GHL has it: its id is kept with the
 * transcript's link (so the next log updates it instead of adding a note), the note is attached to
 * the transcript (it shows in the panel whatever the notes setting), and the timeline says
 * "Transcript logged to GHL", or "… log updated …" when it was the same note again. A note that
 * replaces one deleted in GHL takes its place. A no-op (false) when the transcript no longer links
 * to the note's contact: the log was made for a link that has gone.
 */
export async function recordTranscriptLog(
  deps: TranscriptStoreDeps,
  transcriptId: string,
  contactId: string,
  note: GhlNote,
): Promise<boolean> {
  const db = await deps.db.get();
  const tx = db.transaction(['links', 'transcripts', 'contacts', 'activity'], 'readwrite');
  const link = await tx.objectStore('links').get(transcriptId);
  const record = await tx.objectStore('transcripts').get(transcriptId);
  if (link?.contactId !== contactId || !record) {
    await tx.done;
    return false;
  }
  const updated = link.logNoteId === note.id;
  const others = (ids: string[] | undefined) =>
    (ids ?? []).filter((id) => id !== note.id && id !== link.logNoteId);
  await tx.objectStore('links').put({ ...link, logNoteId: note.id });
  await tx.objectStore('transcripts').put({
    ...record,
    noteIds: [...others(record.noteIds), note.id],
    panelNoteIds: [...others(record.panelNoteIds), note.id],
  });
  await appendNoteLine(deps, tx, transcriptId, link, {
    kind: 'transcript-logged',
    note,
    updated,
  });
  return true;
}
