import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { usePanelActions } from '../panel-actions';
import type { PanelNote, Shown } from '../panel-records';
import { NoteForm, type NoteValues } from './note-form';
import { NoteItem } from './note-item';
import { orderNotes } from './note-order';
import { SaveSelectionButton } from './save-selection-button';

/** Props of {@link NoteSection}. */
export interface NoteSectionProps {
  /** The linked contact's notes, pending writes applied (`panelRecords(view).notes`). */
  notes: Shown<PanelNote>[];
  /** The linked contact; without one (or while it is being created) nothing can be written. */
  contactId: string | undefined;
  /** The transcript page, for "Save selection as note". */
  page: EditorPage;
}

/**
 * The notes of the transcript's contact, pinned first then newest, with "New note" and "Save
 * selection as note" when the panel can write. Read-only connections see the notes only.
 */
export function NoteSection({ notes, contactId, page }: NoteSectionProps) {
  const { canWrite, write, announce } = usePanelActions();
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const writable = canWrite && contactId !== undefined && !contactId.startsWith('pending-');

  // Back to "New note" once the form closes, so keyboard focus is not lost.
  useEffect(() => {
    if (!adding && wasAdding.current) opener.current?.focus();
    wasAdding.current = adding;
  }, [adding]);

  const create = async ({ title, body, pinned }: NoteValues) => {
    if (!contactId) return false;
    // Only what the person filled in: GHL takes `NotesDTO` fields and nothing else.
    const queued = await write({
      kind: 'note.create',
      contactId,
      body: { body, ...(title && { title }), ...(pinned && { pinned }) },
    });
    if (queued) {
      setAdding(false);
      announce('Note added — sending to GHL');
    }
    return queued;
  };

  const ordered = orderNotes(notes);
  return (
    <section class="panel__section notes" aria-labelledby={headingId}>
      {/* Focus lands here after a note's edit or delete, as its row is about to lock or go. */}
      <h3 id={headingId} ref={heading} class="panel__subtitle" tabIndex={-1}>
        Notes
      </h3>
      {writable && (
        <div class="notes__tools">
          {!adding && (
            <button
              ref={opener}
              type="button"
              class="panel__button"
              onClick={() => setAdding(true)}
            >
              New note
            </button>
          )}
          <SaveSelectionButton contactId={contactId} page={page} />
        </div>
      )}
      {writable && adding && (
        <NoteForm label="New note" onSubmit={create} onCancel={() => setAdding(false)} />
      )}
      {ordered.length === 0 ? (
        <p class="panel__empty">No notes on this transcript yet.</p>
      ) : (
        <ul class="panel__list" aria-labelledby={headingId}>
          {ordered.map((shown) => (
            <NoteItem
              key={shown.record.id}
              shown={shown}
              contactId={writable ? contactId : undefined}
              onWritten={() => heading.current?.focus()}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
