import type { TranscriptRecord } from '../db/cache-schema';
import {
  narrateActivity,
  type ActivityEvent,
  type NarrativeContext,
} from '../transcripts/activity-narrative';
import { changedFieldLabels } from '../mapping/apply-mapping';
import type { FieldMapping } from '../mapping/field-mapping';
import { changeCount } from './change-detection';
import type { ContactFindings } from './contact-findings';
import { CONTACT_PARTS, type ContactPart } from '../transcripts/contact-parts';

/** A transcript's record after the sync, its new timeline lines and what a panel should reload. */
export interface TranscriptUpdate {
  record: TranscriptRecord;
  events: ActivityEvent[];
  what: string[];
}

/** What a panel reloads when a part changed: the contact, or the part's own name. */
const PART_VIEW: Record<ContactPart, string> = {
  contactDetails: 'contact',
  tasks: 'tasks',
  notes: 'notes',
  appointments: 'appointments',
};

/**
 * Applies one contact sync to one linked transcript: the fields snapshot, the attached notes, and
 * the timeline events. A transcript without a snapshot yet is new to the sync: it gets its fields
 * and notes without a line per note. Only parts the sync read and compared are narrated (see
 * ContactFindings): a part switched off keeps the record's fields or notes as they were, and one
 * switched back on is taken as it is now, without a line per task or note.
 */
export function updateLinkedTranscript(
  record: TranscriptRecord,
  findings: ContactFindings,
  at: number,
  mapping: FieldMapping,
): TranscriptUpdate {
  const { fetched, narrated } = findings;
  const events: ActivityEvent[] = [];
  const what = new Set<string>();
  const fresh = record.snapshotAt === undefined;
  if (findings.contactChanged && findings.fields) {
    const fields = changedFieldLabels(record.fields, findings.fields, mapping);
    events.push({ kind: 'contact-updated', fields });
  }
  if (narrated.tasks) {
    const statusChanged = new Set(findings.tasks.statusChanged.map((u) => u.after.id));
    for (const task of findings.tasks.added) events.push({ kind: 'task-added', task });
    for (const { after } of findings.tasks.updated) {
      events.push({
        kind: statusChanged.has(after.id) ? 'task-status' : 'task-updated',
        task: after,
      });
    }
    for (const task of findings.tasks.removed) events.push({ kind: 'task-deleted', task });
    if (changeCount(findings.tasks) > 0) what.add('tasks');
  }
  if (findings.appointmentsChanged) what.add('appointments');
  const notes = fetched.notes ? attachNotes(record, findings, fresh) : undefined;
  if (notes) {
    events.push(...notes.events);
    if (notes.events.length > 0 || !sameIds(record.noteIds, notes.noteIds)) what.add('notes');
  }
  if (findings.contactChanged || fresh || record.contactDeletedAt !== undefined)
    what.add('contact');
  for (const part of CONTACT_PARTS) {
    if (fresh || findings.baseline[part] || findings.leftOutNow[part]) what.add(PART_VIEW[part]);
  }
  if (events.length > 0) what.add('activity');
  const answered = CONTACT_PARTS.some((part) => fetched[part]);
  return {
    record: {
      ...record,
      // Contact details not read: the fields stay as they were (the snapshot is not refreshed).
      fields: findings.fields ?? record.fields,
      snapshotAt: findings.fields ? at : (record.snapshotAt ?? at),
      ...(notes && { noteIds: notes.noteIds }),
      ...(notes && record.panelNoteIds && { panelNoteIds: notes.panelNoteIds }),
      // GHL answered a read under the contact: it has it again. Nothing read, nothing learnt.
      contactDeletedAt: answered ? undefined : record.contactDeletedAt,
    },
    events,
    what: [...what],
  };
}

/**
 * The notes a record attaches after a sync that read them, and their lines: none for a record new
 * to the sync, nor when notes were switched back on (their cache is no "before").
 */
function attachNotes(record: TranscriptRecord, findings: ContactFindings, fresh: boolean) {
  const events: ActivityEvent[] = [];
  // Notes written from this transcript's panel stay on it while GHL has them, whatever the setting.
  const panelNoteIds = (record.panelNoteIds ?? []).filter((id) => findings.notesById.has(id));
  const settingIds = findings.attachedNoteIds ?? [];
  const noteIds = [...settingIds, ...panelNoteIds.filter((id) => !settingIds.includes(id))];
  if (fresh || !findings.narrated.notes) return { noteIds, panelNoteIds, events };
  const before = new Set(record.noteIds);
  const after = new Set(noteIds);
  for (const id of noteIds) {
    if (!before.has(id)) events.push({ kind: 'note-attached', note: findings.notesById.get(id)! });
  }
  for (const { after: note } of findings.notes.updated) {
    if (before.has(note.id) && after.has(note.id)) events.push({ kind: 'note-updated', note });
  }
  for (const id of record.noteIds) {
    const note = findings.notesById.get(id) ?? findings.previousNotes.get(id);
    if (!after.has(id) && note) events.push({ kind: 'note-removed', note });
  }
  return { noteIds, panelNoteIds, events };
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
