import { useRef } from 'preact/hooks';
import type { ConnectionStatus } from '@/utils/messaging/connection-status-schema';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { LinkContact } from './link/link-contact';
import { LinkedContact } from './linked-contact';
import { panelRecords } from './panel-records';
import { RolledBackWrites } from './rolled-back-writes';
import { useFocusWhenLost } from './use-focus-when-lost';
import type { TranscriptViewState } from './use-transcript-view';

/** Props of {@link PanelBody}. */
export interface PanelBodyProps {
  page: EditorPage;
  connection: ConnectionStatus | undefined;
  transcript: TranscriptViewState;
}

/**
 * What the panel shows under its header, by state: nothing to do until connected (the notice
 * above says how), a read error with Retry, the link search when no contact is linked, and the
 * contact with its tasks, notes, appointments and timeline when one is. Writes GHL refused for
 * good come first in both cases (a new contact can fail before anything is linked).
 */
export function PanelBody({ page, connection, transcript }: PanelBodyProps) {
  const body = useRef<HTMLDivElement>(null);
  const { view, error } = transcript;
  // Linking replaces the search, unlinking the card: the focus goes to the new state's heading.
  useFocusWhenLost(view?.link?.contactId, () =>
    body.current?.querySelector<HTMLElement>('h2[tabindex="-1"]'),
  );
  if (!connection || connection.state === 'not-connected') return null;
  if (!view) {
    return error ? (
      <div class="panel__notice panel__notice--alert">
        <p>{error}</p>
        <button type="button" class="panel__button" onClick={transcript.reload}>
          Try again
        </button>
      </div>
    ) : (
      <p class="panel__meta" role="status">
        Loading the GHL contact…
      </p>
    );
  }
  const records = panelRecords(view);
  return (
    <div ref={body}>
      <RolledBackWrites failed={records.failed} onChanged={transcript.reload} />
      {view.link ? (
        <LinkedContact
          page={page}
          view={{ ...view, link: view.link }}
          records={records}
          transcript={transcript}
        />
      ) : (
        <LinkContact
          page={page}
          view={view}
          locationId={connection.locationId}
          onLinked={transcript.show}
        />
      )}
    </div>
  );
}
