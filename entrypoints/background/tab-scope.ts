import { MessageRefused, type TabFacts } from '@/utils/messaging/message-router';
import type { SenderRole } from '@/utils/messaging/protocol';
import type { OutboxJobView } from '@/utils/messaging/write-schemas';
import type { TranscriptStore } from '@/utils/transcripts/transcript-store';
import type { ShownContacts } from './shown-contacts';

/**
 * What a Trint tab may reach. A content script runs beside a page it does not control: a page
 * script that got hold of it could send anything, so a Trint tab acts on the transcript its URL
 * shows, that transcript's linked contact and their writes, and on nothing else.
 */

/** A Trint page works on the transcript it shows, and on no other. */
export function ownTranscript(transcriptId: string | undefined, role: SenderRole, tab?: TabFacts) {
  if (role === 'trint-tab' && (!transcriptId || tab?.transcriptId !== transcriptId)) {
    throw new MessageRefused('A Trint page may only work on the transcript it shows.');
  }
}

/** The contact the tab's transcript links to, if any. */
async function tabContactId(transcripts: Pick<TranscriptStore, 'linkOf'>, tab?: TabFacts) {
  return tab?.transcriptId ? (await transcripts.linkOf(tab.transcriptId))?.contactId : undefined;
}

/** A Trint page reaches the contact its transcript links to, and no other. */
export async function ownContact(
  contactId: string,
  role: SenderRole,
  tab: TabFacts | undefined,
  transcripts: Pick<TranscriptStore, 'linkOf'>,
) {
  if (role !== 'trint-tab') return;
  if ((await tabContactId(transcripts, tab)) !== contactId) {
    throw new MessageRefused('A Trint page may only reach the contact its transcript links to.');
  }
}

/**
 * A Trint page links its transcript to a contact the background showed that tab (a search result,
 * a suggestion) or to the one it links to already: linking is what opens a contact to the tab's
 * writes, so a page script must not link a contact id it made up or learnt elsewhere.
 */
export async function shownContact(
  contactId: string,
  role: SenderRole,
  tab: TabFacts | undefined,
  deps: { shown: Pick<ShownContacts, 'wasShown'>; transcripts: Pick<TranscriptStore, 'linkOf'> },
) {
  if (role !== 'trint-tab') return;
  if ((await tabContactId(deps.transcripts, tab)) === contactId) return;
  if (tab?.tabId !== undefined && (await deps.shown.wasShown(tab.tabId, contactId))) return;
  throw new MessageRefused('Find the contact with the search first.');
}

/** Notes the contacts a Trint tab is shown, for {@link shownContact}; extension pages are free. */
export async function showing<T extends { contacts: { id: string }[] }>(
  answer: T,
  role: SenderRole,
  tab: TabFacts | undefined,
  shown: Pick<ShownContacts, 'remember'>,
): Promise<T> {
  if (role === 'trint-tab' && tab?.tabId !== undefined) {
    await shown.remember(
      tab.tabId,
      answer.contacts.map((contact) => contact.id),
    );
  }
  return answer;
}

/**
 * The writes a sender may see: all for an extension page; for a Trint page, those of its own
 * transcript and of the contact that transcript links to.
 */
export async function visibleJobs(
  jobs: OutboxJobView[],
  role: SenderRole,
  tab: TabFacts | undefined,
  transcripts: Pick<TranscriptStore, 'linkOf'>,
): Promise<OutboxJobView[]> {
  if (role !== 'trint-tab') return jobs;
  const contactId = await tabContactId(transcripts, tab);
  return jobs.filter(
    (job) =>
      (tab?.transcriptId !== undefined && job.transcriptId === tab.transcriptId) ||
      (contactId !== undefined && job.contactId === contactId),
  );
}

/** A Trint page retries or discards only a write it may see (see {@link visibleJobs}). */
export async function ownJob(
  id: string,
  jobs: OutboxJobView[],
  role: SenderRole,
  tab: TabFacts | undefined,
  transcripts: Pick<TranscriptStore, 'linkOf'>,
) {
  if (role !== 'trint-tab') return;
  const visible = await visibleJobs(jobs, role, tab, transcripts);
  if (!visible.some((job) => job.id === id)) {
    throw new MessageRefused('A Trint page may only act on the writes of its own transcript.');
  }
}
