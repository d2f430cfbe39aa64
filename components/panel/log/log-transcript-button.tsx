import { panelLogSettingsItem } from '@/utils/storage/log-settings-item';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { readTranscriptOpening } from '@/utils/trint/transcript-opening';
import { pageTrintOrigin } from '@/utils/trint/transcript-url';
import { useTranscriptSelection } from '../notes/use-transcript-selection';
import { usePanelActions } from '../panel-actions';
import { logNote } from './log-note';

/** Props of {@link LogTranscriptButton}. */
export interface LogTranscriptButtonProps {
  contactId: string;
  page: EditorPage;
  /** Whether this transcript was logged before: the log then updates that note. */
  logged: boolean;
}

/**
 * "Log transcript": writes (or, once logged, updates) one note on the contact saying this call
 * was transcribed and where (see logNote), through the outbox like every write. What text it
 * carries is the person's setting, read when they press it.
 */
export function LogTranscriptButton({ contactId, page, logged }: LogTranscriptButtonProps) {
  const { write, announce } = usePanelActions();
  const selection = useTranscriptSelection(page.transcriptId);
  // A second press before GHL has the first is harmless: the outbox sends the two in order, and
  // the second updates the note the first made.
  const log = async () => {
    const { content } = await panelLogSettingsItem.read();
    const body = logNote({
      page,
      trintOrigin: pageTrintOrigin(),
      loggedAt: new Date(),
      content,
      selection: selection.text,
      opening: () => readTranscriptOpening(window),
    });
    const { transcriptId } = page;
    if (await write({ kind: 'transcript.log', contactId, transcriptId, body })) {
      announce(`Transcript log${logged ? ' updated' : 'ged'} — sending to GHL`);
    }
  };

  return (
    <button
      type="button"
      class="panel__button panel__button--primary"
      // Pressing the button must not take the page's selection away before it is read.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => void log()}
    >
      Log transcript
    </button>
  );
}
