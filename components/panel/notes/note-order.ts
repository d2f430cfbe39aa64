import type { PanelNote, Shown } from '../panel-records';

/**
 * The notes in the order the panel lists them: pinned first, then newest first by `dateAdded`.
 * A note without a readable date goes after the dated ones of its group; ties keep GHL's order.
 */
export function orderNotes(notes: readonly Shown<PanelNote>[]): Shown<PanelNote>[] {
  return [...notes].sort(
    (a, b) =>
      Number(b.record.pinned === true) - Number(a.record.pinned === true) ||
      addedAt(b.record) - addedAt(a.record),
  );
}

/** Milliseconds since the epoch, or -Infinity so that undated notes sort last. */
function addedAt(note: PanelNote): number {
  const at = note.dateAdded === undefined ? NaN : Date.parse(note.dateAdded);
  return Number.isNaN(at) ? -Infinity : at;
}
