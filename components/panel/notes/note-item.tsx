import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ConfirmDelete } from '../confirm-delete';
import { usePanelActions } from '../panel-actions';
import { formatDayTime } from '../panel-dates';
import type { PanelNote, Shown } from '../panel-records';
import { NoteForm, type NoteValues } from './note-form';
import { noteName } from './note-name';

/** Notes longer than this many (estimated) lines are shown collapsed, with "Show more". */
const COLLAPSED_LINES = 6;
/** Roughly how many characters fit on a line of the panel at its default width. */
const LINE_LENGTH = 42;

/** Props of {@link NoteItem}. */
export interface NoteItemProps {
  shown: Shown<PanelNote>;
  /** The contact the note is on; write controls only show with one (and canWrite). */
  contactId?: string;
}

/**
 * One note: its title, text (line breaks kept, long ones collapsed), when it was added and
 * whether it is pinned; Edit and Delete when the panel can write. A note on its way to GHL shows
 * "Saving…" or "Deleting…" and cannot be changed until GHL has it. All of it is GHL text,
 * rendered as text.
 */
export function NoteItem({ shown, contactId }: NoteItemProps) {
  const { canWrite, write, announce } = usePanelActions();
  const { record: note, pending } = shown;
  const [editing, setEditing] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const bodyId = useId();
  const name = noteName(note);
  const locked = pending !== undefined || note.id.startsWith('pending-');
  const long = isLong(note.body);

  // Back to the Edit button once the form closes, so keyboard focus is not lost.
  useEffect(() => {
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const save = async (values: NoteValues) => {
    const body = changes(note, values);
    if (!contactId || Object.keys(body).length === 0) {
      setEditing(false);
      return true;
    }
    const queued = await write({ kind: 'note.update', contactId, noteId: note.id, body });
    if (queued) {
      setEditing(false);
      announce('Note saved — sending to GHL');
    }
    return queued;
  };

  const remove = async () => {
    if (!contactId) return;
    if (await write({ kind: 'note.delete', contactId, noteId: note.id })) {
      announce('Note deleted — sending to GHL');
    }
  };

  if (editing) {
    return (
      <li class="panel__item notes__item">
        <NoteForm
          label={`Edit ${name}`}
          note={note}
          onSubmit={save}
          onCancel={() => setEditing(false)}
        />
      </li>
    );
  }
  return (
    <li
      class={`panel__item notes__item${pending ? ' panel__item--pending' : ''}`}
      aria-busy={pending ? 'true' : undefined}
    >
      <div class="notes__head">
        {note.title && <h4 class="notes__title">{note.title}</h4>}
        {note.pinned && <span class="notes__pinned">Pinned</span>}
      </div>
      <p id={bodyId} class={`notes__body${long && !expanded ? ' notes__body--collapsed' : ''}`}>
        {note.body}
      </p>
      {long && (
        <button
          type="button"
          class="panel__button panel__button--link"
          aria-expanded={expanded}
          aria-controls={bodyId}
          aria-label={`${expanded ? 'Show less' : 'Show more'} of ${name}`}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? 'Show less' : 'Show more'}
        </button>
      )}
      {note.dateAdded && (
        <p class="panel__meta">
          Added <time dateTime={note.dateAdded}>{formatDayTime(note.dateAdded)}</time>
        </p>
      )}
      {pending && <p class="panel__pending">{pending === 'saving' ? 'Saving…' : 'Deleting…'}</p>}
      {canWrite && contactId && (
        <div class="panel__actions notes__actions">
          <button
            ref={editButton}
            type="button"
            class="panel__button"
            aria-label={`Edit ${name}`}
            disabled={locked}
            onClick={() => setEditing(true)}
          >
            Edit
          </button>
          <ConfirmDelete
            what={name}
            consequence="It is deleted in GHL for everyone."
            disabled={locked}
            onConfirm={remove}
          />
        </div>
      )}
    </li>
  );
}

/** Only the fields the person changed: GHL's PUT takes any subset (`UpdateNoteDTO`). */
function changes(note: PanelNote, values: NoteValues): Record<string, string | boolean> {
  const body: Record<string, string | boolean> = {};
  if (values.title !== (note.title ?? '').trim()) body.title = values.title;
  if (values.body !== note.body.trim()) body.body = values.body;
  if (values.pinned !== (note.pinned === true)) body.pinned = values.pinned;
  return body;
}

/** Whether the text would take more than {@link COLLAPSED_LINES} lines in the panel. */
function isLong(text: string): boolean {
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(line.length / LINE_LENGTH));
  return lines > COLLAPSED_LINES;
}
