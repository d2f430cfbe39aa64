import { useId, useState } from 'preact/hooks';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { isCutSelection, MAX_SELECTION_LENGTH } from '@/utils/trint/transcript-selection';
import { pageTrintOrigin } from '@/utils/trint/transcript-url';
import { usePanelActions } from '../panel-actions';
import { selectionNote } from './selection-note';
import { useTranscriptSelection } from './use-transcript-selection';

const PREVIEW_LENGTH = 60;

/** Props of {@link SaveSelectionButton}. */
export interface SaveSelectionButtonProps {
  contactId: string;
  page: EditorPage;
}

/**
 * "Save selection as note": the text the person selected in the transcript becomes a GHL note
 * quoting it, with the transcript's title, a link back and the time it was saved. Below the
 * button, what will be saved (or how to get something to save), so a selection remembered from
 * earlier is never a surprise.
 */
export function SaveSelectionButton({ contactId, page }: SaveSelectionButtonProps) {
  const { write, announce } = usePanelActions();
  const selection = useTranscriptSelection(page.transcriptId);
  const [sending, setSending] = useState(false);
  const hintId = useId();
  const text = selection.text;

  const save = async () => {
    const body =
      text &&
      selectionNote({
        selection: text,
        page,
        trintOrigin: pageTrintOrigin(),
        savedAt: new Date(),
      });
    if (!body || sending) return;
    setSending(true);
    try {
      if (await write({ kind: 'note.create', contactId, body })) {
        selection.clear();
        announce(
          isCutSelection(text)
            ? `Selection saved as a note (its first ${MAX_SELECTION_LENGTH.toLocaleString()} characters) — sending to GHL`
            : 'Selection saved as a note — sending to GHL',
        );
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <div class="notes__selection">
      <button
        type="button"
        class="panel__button"
        disabled={!text || sending}
        aria-describedby={hintId}
        // Pressing the button must not take the page's selection away before it is read.
        onMouseDown={(event) => event.preventDefault()}
        onClick={save}
      >
        Save selection as note
      </button>
      <p id={hintId} class="panel__meta notes__selection-hint">
        {text ? `Selected: “${preview(text)}”` : 'Select text in the transcript first'}
      </p>
    </div>
  );
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > PREVIEW_LENGTH ? `${flat.slice(0, PREVIEW_LENGTH - 1)}…` : flat;
}
