import type { TranscriptRecord } from '../db/cache-schema';
import { narrateActivity, type ActivityEvent, type NarrativeContext } from './activity-narrative';
import type { ContactFindings } from './contact-findings';
import { changedFieldLabels } from './transcript-snapshot';

/** A transcript's record after the sync, its new timeline lines and what a panel should reload. */
export interface TranscriptUpdate {
  record: TranscriptRecord;
  events: ActivityEvent[];
  what: string[];
}

/**
 * Applies one contact sync to one linked transcript: the fields snapshot, the attached notes, and
 * the timeline events. A transcript without a snapshot yet is new to the sync: it gets its fields
 * and notes without a line per note.
 */
export function updateLinkedTranscript(
  record: TranscriptRecord,
  findings: ContactFindings,
  at: number,
): TranscriptUpdate {
  const events: ActivityEvent[] = [];
  const what = new Set<string>();
  const fresh = record.snapshotAt === undefined;
  if (!findings.baseline) {
    if (findings.contactChanged) {
      events.push({
        kind: 'contact-updated',
        fields: changedFieldLabels(record.fields, findings.fields),
      });
    }
    const statusChanged = new Set(findings.tasks.statusChanged.map((u) => u.after.id));
    for (const task of findings.tasks.added) events.push({ kind: 'task-added', task });
    for (const { after } of findings.tasks.updated) {
      events.push({
        kind: statusChanged.has(after.id) ? 'task-status' : 'task-updated',
        task: after,
      });
    }
    for (const task of findings.tasks.removed) events.push({ kind: 'task-deleted', task });
    if (
      findings.tasks.added.length +
      findings.tasks.updated.length +
      findings.tasks.removed.length
    ) {
      what.add('tasks');
    }
    if (findings.appointmentsChanged) what.add('appointments');
  }
  // Notes written from this transcript's panel stay on it while GHL has them, whatever the setting.
  const panelNoteIds = (record.panelNoteIds ?? []).filter((id) => findings.notesById.has(id));
  const attachedNoteIds = [
    ...findings.attachedNoteIds,
    ...panelNoteIds.filter((id) => !findings.attachedNoteIds.includes(id)),
  ];
  const before = new Set(record.noteIds);
  const after = new Set(attachedNoteIds);
  if (!fresh) {
    for (const id of attachedNoteIds) {
      if (!before.has(id))
        events.push({ kind: 'note-attached', note: findings.notesById.get(id)! });
    }
    for (const { after: note } of findings.notes.updated) {
      if (before.has(note.id) && after.has(note.id)) events.push({ kind: 'note-updated', note });
    }
    for (const id of record.noteIds) {
      const note = findings.notesById.get(id) ?? findings.previousNotes.get(id);
      if (!after.has(id) && note) events.push({ kind: 'note-removed', note });
    }
  }
  if (events.some((e) => e.kind.startsWith('note-')) || !sameIds(record.noteIds, attachedNoteIds)) {
    what.add('notes');
  }
  if (findings.contactChanged || fresh || record.contactDeletedAt !== undefined)
    what.add('contact');
  if (fresh || findings.baseline)
    for (const part of ['tasks', 'notes', 'appointments']) what.add(part);
  if (events.length > 0) what.add('activity');
  return {
    record: {
      ...record,
      fields: findings.fields,
      snapshotAt: at,
      noteIds: attachedNoteIds,
      ...(record.panelNoteIds && { panelNoteIds }),
      contactDeletedAt: undefined,
    },
    events,
    what: [...what],
  };
}

/** Narrates a transcript's events with the contact's name and the time of the sync. */
export function narrateAll(events: readonly ActivityEvent[], context: NarrativeContext) {
  return events.map((event) => narrateActivity(event, context));
}

/** The same ids, in any order: GHL may list notes in another order without anything changing. */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
}
