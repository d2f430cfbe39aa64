import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { usePanelActions } from '../panel-actions';
import type { PanelNote, Shown } from '../panel-records';
import { PanelSection } from '../sections/panel-section';
import { useShowAll } from '../sections/show-all';
import { ALL_OPEN, type SectionMemory } from '../sections/use-section-memory';
import { NoteForm, type NoteValues } from './note-form';
import { NoteItem } from './note-item';
import { orderNotes } from './note-order';
import { SaveSelectionButton } from './save-selection-button';

/** Notes listed before "Show all". */
const FEW = 5;

/** Props of {@link NoteSection}. */
export interface NoteSectionProps {
  /** The linked contact's notes, pending writes applied (`panelRecords(view).notes`). */
  notes: Shown<PanelNote>[];
  /** The linked contact; without one (or while it is being created) nothing can be written. */
  contactId: string | undefined;
  /** The transcript page, for "Save selection as note". */
  page: EditorPage;
  /** Which sections are collapsed for the contact (all open when left out). */
  memory?: SectionMemory;
  /** Changes when the card's "Add note" is pressed: the section opens with its form. */
  addRequest?: number;
}

/**
 * The notes of the transcript's contact, pinned first then newest, with "New note" and "Save
 * selection as note" when the panel can write. Read-only connections see the notes only.
 */
export function NoteSection({
  notes,
  contactId,
  page,
  memory = ALL_OPEN,
  addRequest,
}: NoteSectionProps) {
  const { canWrite, write, announce } = usePanelActions();
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const wasAdding = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const writable = canWrite && contactId !== undefined && !contactId.startsWith('pending-');
  const ordered = orderNotes(notes);
  const rows = useShowAll(ordered, FEW);

  // Back to "New note" once the form closes, so keyboard focus is not lost.
  useEffect(() => {
    if (!adding && wasAdding.current) opener.current?.focus();
    wasAdding.current = adding;
  }, [adding]);

  useEffect(() => {
    if (!addRequest || !writable) return;
    if (memory.collapsed('notes')) memory.toggle('notes');
    setAdding(true);
  }, [addRequest]);

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

  return (
    <PanelSection
      name="notes"
      title="Notes"
      summary={String(notes.length)}
      memory={memory}
      headingRef={heading}
      class="notes"
    >
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
        <ul class="panel__list" aria-label="Notes">
          {rows.shown.map((shown) => (
            <NoteItem
              key={shown.record.id}
              shown={shown}
              contactId={writable ? contactId : undefined}
              onWritten={() => heading.current?.focus()}
            />
          ))}
        </ul>
      )}
      {rows.button}
    </PanelSection>
  );
}
