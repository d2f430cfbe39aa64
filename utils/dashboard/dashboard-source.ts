import type {
  CachedContact,
  OutboxJob,
  TranscriptLink,
  TranscriptRecord,
} from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { GhlTask } from '../ghl/schemas/task-schemas';

/** Everything the dashboard is computed from, as the cache has it at one moment. */
export interface DashboardSource {
  links: TranscriptLink[];
  records: Map<string, TranscriptRecord>;
  contacts: Map<string, CachedContact>;
  /** Each linked contact's cached tasks. */
  tasks: Map<string, GhlTask[]>;
  /** Each linked contact's cached notes (attachment to a transcript is decided later). */
  notes: Map<string, GhlNote[]>;
  /** The writes that failed for good, waiting for a person. */
  failedJobs: OutboxJob[];
}

/**
 * Reads the linked transcripts and what the dashboard shows of them in one read transaction, so
 * the counts never mix a sync's before and after. `locationId` keeps links and writes of another
 * location (a cache kept from an earlier connection) off the dashboard; undefined keeps all.
 */
export async function readDashboardSource(
  db: CacheDatabase,
  locationId?: string,
): Promise<DashboardSource> {
  const tx = db.transaction(['links', 'transcripts', 'contacts', 'tasks', 'notes', 'outbox']);
  const here = (item: { locationId: string }) =>
    locationId === undefined || item.locationId === locationId;
  const [allLinks, jobs] = await Promise.all([
    tx.objectStore('links').getAll(),
    tx.objectStore('outbox').getAll(),
  ]);
  const links = allLinks.filter(here);
  const contactIds = [...new Set(links.map((link) => link.contactId))];
  // Requests are all issued before any is awaited: the transaction stays busy, never idle.
  const [records, contacts, tasks, notes] = await Promise.all([
    Promise.all(links.map((link) => tx.objectStore('transcripts').get(link.transcriptId))),
    Promise.all(contactIds.map((id) => tx.objectStore('contacts').get(id))),
    Promise.all(contactIds.map((id) => tx.objectStore('tasks').index('by-contact').getAll(id))),
    Promise.all(contactIds.map((id) => tx.objectStore('notes').index('by-contact').getAll(id))),
  ]);
  await tx.done;
  return {
    links,
    records: new Map(
      records.flatMap((record) => (record ? [[record.transcriptId, record] as const] : [])),
    ),
    contacts: new Map(
      contacts.flatMap((contact) => (contact ? [[contact.id, contact] as const] : [])),
    ),
    tasks: new Map(contactIds.map((id, i) => [id, tasks[i]!.map((task) => task.value)])),
    notes: new Map(contactIds.map((id, i) => [id, notes[i]!.map((note) => note.value)])),
    failedJobs: jobs.filter((job) => job.status === 'failed' && here(job)),
  };
}
