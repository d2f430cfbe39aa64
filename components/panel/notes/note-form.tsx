import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { PanelForm } from '../panel-form';
import type { PanelNote } from '../panel-records';

/** What the person typed: the note's fields, trimmed. */
export interface NoteValues {
  title: string;
  body: string;
  pinned: boolean;
}

/** Props of {@link NoteForm}. */
export interface NoteFormProps {
  /** The form's accessible name, e.g. "New note" or "Edit note ‘Call notes’". */
  label: string;
  /** The note edited; a new note when left out. */
  note?: PanelNote;
  /**
   * Sends the values, with those the form opened with (`start`, to tell what the person
   * changed); resolves true when queued (the form then closes), false to keep it.
   */
  onSubmit(values: NoteValues, start: NoteValues): Promise<boolean>;
  /** Cancel button or Escape. */
  onCancel(): void;
}

const EMPTY_BODY = 'Write the note first: a note needs some text.';

/**
 * Creates or edits a note: title (optional), text (required) and pinned. The text is checked
 * before anything is sent: an empty one is marked on the field, named in words and focused.
 * Escape cancels.
 */
export function NoteForm({ label, note, onSubmit, onCancel }: NoteFormProps) {
  // Taken once, when the form opens: the note may be refreshed by a sync while it is open.
  const [start] = useState<NoteValues>(() => ({
    title: (note?.title ?? '').trim(),
    body: (note?.body ?? '').trim(),
    pinned: note?.pinned === true,
  }));
  const [title, setTitle] = useState(note?.title ?? '');
  const [body, setBody] = useState(note?.body ?? '');
  const [pinned, setPinned] = useState(start.pinned);
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const titleField = useRef<HTMLInputElement>(null);
  const bodyField = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => titleField.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    const text = body.trim();
    if (!text) {
      setError(EMPTY_BODY);
      bodyField.current?.focus();
      return;
    }
    setError(undefined);
    setSending(true);
    // The form stays mounted when the write is refused: the person keeps what they typed.
    const queued = await onSubmit({ title: title.trim(), body: text, pinned }, start);
    if (!queued) setSending(false);
  };

  return (
    <PanelForm
      label={label}
      submitLabel={note ? 'Save note' : 'Add note'}
      busy={sending}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <label class="panel__field" for={`${id}-title`}>
        Title (optional)
      </label>
      <input
        ref={titleField}
        id={`${id}-title`}
        class="panel__input"
        value={title}
        onInput={(event) => setTitle(event.currentTarget.value)}
      />
      <label class="panel__field" for={`${id}-body`}>
        Note
      </label>
      <textarea
        ref={bodyField}
        id={`${id}-body`}
        class="panel__input notes__body-input"
        rows={5}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={body}
        onInput={(event) => {
          setBody(event.currentTarget.value);
          if (error && event.currentTarget.value.trim()) setError(undefined);
        }}
      />
      {error && (
        <p id={`${id}-error`} class="panel__field-error">
          {error}
        </p>
      )}
      <div class="notes__pinned-field">
        <input
          id={`${id}-pinned`}
          type="checkbox"
          checked={pinned}
          onChange={(event) => setPinned(event.currentTarget.checked)}
        />
        <label for={`${id}-pinned`}>Pinned</label>
      </div>
    </PanelForm>
  );
}
