import type { OutboxJob } from '../db/cache-schema';
import type { GhlNote } from '../ghl/schemas/note-schemas';
import type { GhlTask } from '../ghl/schemas/task-schemas';
import { isOverdue } from '../task-due';
import type { DashboardRow } from '../messaging/protocol';
import type { SyncSettings } from '../storage/sync-settings';
import { contactDisplayName } from '../transcripts/transcript-snapshot';
import type { DashboardSource } from './dashboard-source';
import { noteExcerpt } from './note-excerpt';

/** What a row is computed against. */
export interface DashboardOptions {
  /** Now, in ms (the background's clock): decides which tasks are overdue. */
  now: number;
  /**
   * What is synced. Tasks off: no task is counted (the cached ones are no longer kept current).
   * Notes off: no latest note. The page shows "—" for what is switched off, never a stale 0.
   */
  settings: Pick<SyncSettings, 'tasks' | 'notes'>;
}

/** The contact a write is about, if it names one (a new contact has none yet). */
export function jobContactId(job: OutboxJob): string | undefined {
  return 'contactId' in job.operation ? job.operation.contactId : undefined;
}

/** Whether a failed write belongs on a row: made on that transcript, or about its contact. */
export function jobBelongsTo(
  job: OutboxJob,
  row: Pick<DashboardRow, 'transcriptId' | 'contactId'>,
) {
  return job.transcriptId === row.transcriptId || jobContactId(job) === row.contactId;
}

/**
 * The tasks a row counts. A contact deleted in GHL has no tasks any more, whatever the cache
 * still holds of them: counting those as overdue would ask a person to act on nothing.
 */
export function countedTasks(
  source: DashboardSource,
  contactId: string,
  deleted: boolean,
  options: DashboardOptions,
): GhlTask[] {
  if (!options.settings.tasks || deleted) return [];
  return source.tasks.get(contactId) ?? [];
}

/** The newest of the notes attached to the transcript (all or pinned ones, per the setting). */
function latestNote(notes: GhlNote[], attached: readonly string[]): GhlNote | undefined {
  const ids = new Set(attached);
  return notes
    .filter((note) => ids.has(note.id))
    .sort((a, b) => (b.dateAdded ?? '').localeCompare(a.dateAdded ?? ''))[0];
}

/** One dashboard row per link: the transcript, its contact, tasks, latest note, sync, failures. */
export function dashboardRows(source: DashboardSource, options: DashboardOptions): DashboardRow[] {
  return source.links.map((link) => {
    const record = source.records.get(link.transcriptId);
    const cached = source.contacts.get(link.contactId);
    const contactDeleted =
      record?.contactDeletedAt !== undefined || cached?.deletedAt !== undefined;
    const open = countedTasks(source, link.contactId, contactDeleted, options).filter(
      (task) => !task.completed,
    );
    const note =
      options.settings.notes === 'off'
        ? undefined
        : latestNote(source.notes.get(link.contactId) ?? [], record?.noteIds ?? []);
    const row = { transcriptId: link.transcriptId, contactId: link.contactId };
    return {
      ...row,
      title: record?.title?.trim() || undefined,
      ...(record?.trintOrigin && { trintOrigin: record.trintOrigin }),
      contactName: contactDisplayName(cached?.contact),
      openTasks: open.length,
      overdueTasks: open.filter((task) => isOverdue(task, options.now)).length,
      latestNote: note && { body: noteExcerpt(note.body ?? ''), at: note.dateAdded ?? undefined },
      syncedAt: cached?.syncedAt,
      failedJobs: source.failedJobs.filter((job) => jobBelongsTo(job, row)).length,
      contactDeleted,
    };
  });
}
