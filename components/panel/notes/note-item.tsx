import { useId, useState } from 'preact/hooks';
import { usePanelActions } from '../panel-actions';
import { formatDayTime } from '../panel-dates';
import type { PanelNote, Shown } from '../panel-records';
import { EditAndDelete, PendingMark } from '../record-actions';
import { useFormOpener } from '../use-form-opener';
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
  /**
   * Called when an edit of this note is queued or its delete confirmed: the row is about to be
   * redrawn pending (its buttons disabled) or go, so the section puts the focus somewhere that
   * stays.
   */
  onWritten(): void;
}

/**
 * One note: its title, text (line breaks kept, long ones collapsed), when it was added and
 * whether it is pinned; Edit and Delete when the panel can write. A note on its way to GHL shows
 * "Saving…" or "Deleting…" and cannot be changed until GHL has it. All of it is GHL text,
 * rendered as text.
 */
export function NoteItem({ shown, contactId, onWritten }: NoteItemProps) {
  const { canWrite, write, announce } = usePanelActions();
  const { record: note, pending } = shown;
  // Cancel or "nothing changed" gives the focus back to Edit; a queued edit gives it to the section.
  const form = useFormOpener();
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();
  const name = noteName(note);
  const locked = pending !== undefined || note.id.startsWith('pending-');
  const long = isLong(note.body);

  const save = async (values: NoteValues, start: NoteValues) => {
    // Against the values the form opened with, not the note now: a sync may have brought a
    // colleague's change meanwhile, and the form's older value of it is not the person's edit.
    const body = changes(start, values);
    if (!contactId || Object.keys(body).length === 0) {
      form.close();
      return true;
    }
    const queued = await write({ kind: 'note.update', contactId, noteId: note.id, body });
    if (queued) {
      onWritten();
      form.close(false);
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

  if (form.open) {
    return (
      <li class="panel__item notes__item">
        <NoteForm
          label={`Edit ${name}`}
          note={note}
          onSubmit={save}
          onCancel={() => form.close()}
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
      <PendingMark pending={pending} />
      {canWrite && contactId && (
        <div class="panel__actions notes__actions">
          <EditAndDelete
            name={name}
            form={form}
            disabled={locked}
            onDelete={() => {
              onWritten();
              void remove();
            }}
          />
        </div>
      )}
    </li>
  );
}

/**
 * Only the fields the person changed since the form opened: GHL's PUT takes any subset
 * (`UpdateNoteDTO`). An emptied title is sent as '' (a valid string: GHL clears it).
 */
function changes(start: NoteValues, values: NoteValues): Record<string, string | boolean> {
  const body: Record<string, string | boolean> = {};
  if (values.title !== start.title) body.title = values.title;
  if (values.body !== start.body) body.body = values.body;
  if (values.pinned !== start.pinned) body.pinned = values.pinned;
  return body;
}

/** Whether the text would take more than {@link COLLAPSED_LINES} lines in the panel. */
function isLong(text: string): boolean {
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(line.length / LINE_LENGTH));
  return lines > COLLAPSED_LINES;
}
