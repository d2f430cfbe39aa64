import type { ShownRecords } from '../shown-records';

/** The panel's records with these notes, and the note of the transcript's last log. */
export function panelRecordsOf(
  notes: { id: string; body: string }[],
  logNoteId: string | undefined,
): ShownRecords {
  return { tasks: [], notes: notes.map((record) => ({ record })), logNoteId };
}
