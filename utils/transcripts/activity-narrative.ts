import type { ActivityEntry, ActivityKind } from '../db/cache-schema';
import { ghlContactUrl } from '../ghl/api-constants';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import { taskTitle } from '../ghl/schemas/record-labels';
import type { GhlTask } from '../ghl/schemas/task-schemas';

/**
 * The sentences of a transcript's activity timeline, e.g.
 * "Task ‘Send proposal’ completed — Jane Doe, 26 Nov 2026". Pure text: callers store them.
 */

/** Something that happened to a linked contact or its records. */
export type ActivityEvent =
  | { kind: 'linked' | 'unlinked' | 'contact-deleted' }
  | { kind: 'contact-updated'; fields: string[] }
  | { kind: 'task-added' | 'task-updated' | 'task-deleted' | 'task-status'; task: GhlTask }
  | { kind: 'note-attached' | 'note-updated' | 'note-removed'; note: GhlNote }
  /** "Log this transcript to GHL": its note was written (`updated`: the earlier one was). */
  | { kind: 'transcript-logged'; note: GhlNote; updated: boolean };

/** Who and when: the contact the line is about and the time it was seen. */
export interface NarrativeContext {
  contactId: string;
  contactName: string;
  locationId: string;
  at: number;
  /** The time zone dates are written in; the runtime's by default. */
  timeZone?: string;
}

/** A timeline line ready to store, less the transcript it goes on. */
export type NarratedActivity = Omit<ActivityEntry, 'id' | 'transcriptId'>;

const NOTE_PREVIEW_CHARS = 60;

/** A date as "26 Nov 2026" (en-GB: day, short month, year). */
export function formatActivityDate(at: number, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(at);
}

/** The timeline line for an event. */
export function narrateActivity(event: ActivityEvent, context: NarrativeContext): NarratedActivity {
  const suffix = ` — ${context.contactName}, ${formatActivityDate(context.at, context.timeZone)}`;
  return {
    contactId: context.contactId,
    at: context.at,
    kind: event.kind satisfies ActivityKind,
    text: `${sentence(event)}${suffix}`,
    recordId: 'task' in event ? event.task.id : 'note' in event ? event.note.id : undefined,
    // The contact's page in GHL, where every timeline line links.
    url: ghlContactUrl(context.locationId, context.contactId),
  };
}

/**
 * The line for a task whose status changed: what the sync writes when it sees the change in GHL,
 * and what the outbox wiring writes when a person completes or reopens a task from the panel.
 */
export function narrateTaskStatus(task: GhlTask, context: NarrativeContext): NarratedActivity {
  return narrateActivity({ kind: 'task-status', task }, context);
}

function sentence(event: ActivityEvent): string {
  switch (event.kind) {
    case 'linked':
      return 'Transcript linked';
    case 'unlinked':
      return 'Transcript unlinked';
    case 'contact-deleted':
      return 'Contact deleted in GHL';
    case 'contact-updated':
      return event.fields.length > 0
        ? `Contact updated in GHL: ${event.fields.join(', ')}`
        : 'Contact updated in GHL';
    case 'task-status':
      return `Task ${quoted(taskTitle(event.task))} ${event.task.completed ? 'completed' : 'reopened'}`;
    case 'task-added':
      return `Task ${quoted(taskTitle(event.task))} added`;
    case 'task-updated':
      return `Task ${quoted(taskTitle(event.task))} updated`;
    case 'task-deleted':
      return `Task ${quoted(taskTitle(event.task))} deleted in GHL`;
    case 'note-attached':
      return `Note ${quoted(notePreview(event.note))} attached`;
    case 'note-updated':
      return `Note ${quoted(notePreview(event.note))} updated`;
    case 'note-removed':
      return `Note ${quoted(notePreview(event.note))} removed`;
    case 'transcript-logged':
      return event.updated ? 'Transcript log updated in GHL' : 'Transcript logged to GHL';
  }
}

function quoted(text: string): string {
  return `‘${text}’`;
}

/** A note's title, or the start of its body on one line. */
function notePreview(note: GhlNote): string {
  const text = (note.title?.trim() || note.body || 'Untitled note').replace(/\s+/g, ' ').trim();
  return text.length > NOTE_PREVIEW_CHARS ? `${text.slice(0, NOTE_PREVIEW_CHARS - 1)}…` : text;
}
