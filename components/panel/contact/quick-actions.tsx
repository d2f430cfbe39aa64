import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { LogTranscriptButton } from '../log/log-transcript-button';
import { usePanelActions } from '../panel-actions';

/** Props of {@link QuickActions}. */
export interface QuickActionsProps {
  contactId: string;
  name: string;
  /** The transcript page, for "Log transcript" (not offered without it). */
  page: EditorPage | undefined;
  /** The contact's page in GHL, when its location is known. */
  ghlUrl: string | undefined;
  /** Whether this transcript was logged before (the link keeps the note's id). */
  logged: boolean;
  /** Opens the Tasks or Notes section with its form; absent when that part is not synced. */
  onAddTask?: () => void;
  onAddNote?: () => void;
  /** The contact's other actions, shown under the row while "More" is open. */
  more: ComponentChildren;
}

/**
 * The card's one row of actions a person reaches for after a call: Log transcript, Add task,
 * Add note, Open in GHL, and "More" for the rest (edit, delete, others at the business, export,
 * unlink). Writes are offered only when the panel can write; More opens in place, under the row.
 */
export function QuickActions(props: QuickActionsProps) {
  const { canWrite } = usePanelActions();
  const [more, setMore] = useState(false);
  const moreId = useId();
  return (
    <>
      <div class="panel__actions contact__quick" role="group" aria-label="Quick actions">
        {canWrite && props.page && (
          <LogTranscriptButton
            contactId={props.contactId}
            page={props.page}
            logged={props.logged}
          />
        )}
        {canWrite && props.onAddTask && (
          <button type="button" class="panel__button" onClick={props.onAddTask}>
            Add task
          </button>
        )}
        {canWrite && props.onAddNote && (
          <button type="button" class="panel__button" onClick={props.onAddNote}>
            Add note
          </button>
        )}
        {props.ghlUrl && (
          <a
            class="panel__button contact__open"
            href={props.ghlUrl}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`Open ${props.name} in GHL`}
          >
            Open in GHL
          </a>
        )}
        <button
          type="button"
          class="panel__button"
          aria-expanded={more}
          aria-controls={moreId}
          onClick={() => setMore(!more)}
        >
          More
        </button>
      </div>
      <div id={moreId} class="contact__more" hidden={!more}>
        {props.more}
      </div>
    </>
  );
}
