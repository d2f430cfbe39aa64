import { useMemo, useState } from 'preact/hooks';
import { errorWords, sendTrintMessage } from '@/utils/messaging/send-trint-message';
import type { SyncedParts, TranscriptView } from '@/utils/messaging/transcript-view-schema';
import type { EditorPage } from '@/utils/trint/transcript-page';
import { pageTrintOrigin } from '@/utils/trint/transcript-url';
import { ActivitySection } from './activity-section';
import { AppointmentSection } from './appointments/appointment-section';
import { ContactCard } from './contact/contact-card';
import { cardContactName } from './contact/contact-name';
import { ExportMenu } from './export/export-menu';
import { transcriptExport } from './export/transcript-export';
import { NoteSection } from './notes/note-section';
import { PanelActionsContext, usePanelActions } from './panel-actions';
import type { PanelRecords } from './panel-records';
import { useSectionMemory } from './sections/use-section-memory';
import { TaskSection } from './tasks/task-section';
import type { TranscriptViewState } from './use-transcript-view';
import { NamesContext, useNamesQuery } from './use-names';

const ALL_PARTS: SyncedParts = {
  contactDetails: true,
  tasks: true,
  notes: true,
  appointments: true,
  businessContacts: true,
};

/** Props of {@link LinkedContact}. */
export interface LinkedContactProps {
  page: EditorPage;
  view: TranscriptView & { link: NonNullable<TranscriptView['link']> };
  /** The view's records with pending writes applied (see panelRecords). */
  records: PanelRecords;
  transcript: TranscriptViewState;
}

/**
 * The transcript's contact and everything the person works on with it, drawn from the cache
 * with the writes still on their way applied (marked pending) and the failed ones rolled back:
 * the compact card with its quick actions, then Tasks, Notes, Appointments and Activity, each
 * collapsible and remembered per contact.
 */
export function LinkedContact({ page, view, records, transcript }: LinkedContactProps) {
  const actions = usePanelActions();
  const { announce } = actions;
  const [unlinking, setUnlinking] = useState(false);
  // The card's Add task / Add note: a new number asks the section to open its form.
  const [addTask, setAddTask] = useState(0);
  const [addNote, setAddNote] = useState(0);
  const { contactId } = view.link;
  const memory = useSectionMemory(contactId);
  // Owners', assignees' and custom fields' names (ids until known, or without the scopes).
  const names = useNamesQuery();
  // Settings → What to sync: a part switched off is neither fetched nor shown (absent: all on).
  const shows = view.shows ?? ALL_PARTS;
  // A contact deleted in GHL (or being deleted) takes no more tasks or notes: every such write
  // could only fail. What it had stays readable until the person unlinks.
  const gone = view.contactDeletedAt !== undefined || records.contact?.pending === 'deleting';
  const workActions = useMemo(
    () => (gone ? { ...actions, canWrite: false } : actions),
    [actions, gone],
  );

  async function unlink() {
    setUnlinking(true);
    try {
      transcript.show(await sendTrintMessage('link/remove', { transcriptId: view.transcriptId }));
      announce('Unlinked. The contact is unchanged in GHL.');
    } catch (error) {
      announce(errorWords(error, 'Could not unlink.'), 'alert');
    } finally {
      setUnlinking(false);
    }
  }

  return (
    <NamesContext.Provider value={names}>
      <PanelActionsContext.Provider value={workActions}>
        <ContactCard
          view={view}
          contact={records.contact}
          page={page}
          onAddTask={shows.tasks ? () => setAddTask((n) => n + 1) : undefined}
          onAddNote={shows.notes ? () => setAddNote((n) => n + 1) : undefined}
          more={
            <>
              <ExportMenu
                record={() =>
                  transcriptExport(
                    view,
                    cardContactName(records.contact, view),
                    view.title ?? page.title ?? 'Untitled transcript',
                    pageTrintOrigin(),
                  )
                }
              />
              <div class="panel__actions panel__unlink">
                <button
                  type="button"
                  class="panel__button"
                  disabled={unlinking}
                  onClick={() => void unlink()}
                >
                  Unlink from this transcript
                </button>
              </div>
            </>
          }
        />
        {shows.tasks && (
          <TaskSection
            tasks={records.tasks}
            contactId={contactId}
            memory={memory}
            addRequest={addTask}
          />
        )}
        {shows.notes && (
          <NoteSection
            notes={records.notes}
            contactId={contactId}
            page={page}
            memory={memory}
            addRequest={addNote}
          />
        )}
      </PanelActionsContext.Provider>
      {shows.appointments && (
        <AppointmentSection appointments={records.appointments} memory={memory} />
      )}
      <ActivitySection activity={view.activity} memory={memory} />
    </NamesContext.Provider>
  );
}
