import type { CacheDatabase } from '../db/open-cache-db';
import type { GhlContact } from '../ghl/schemas/contact-schemas';
import { contactName } from '../transcripts/transcript-snapshot';
import type { OutboxJobView, OutboxOperation } from './outbox-operations';
import type { PendingJob, StoredOutboxJob } from './outbox-store';

/** Names the operation itself does not carry, read from the cache. */
export interface RecordNames {
  /** The title of the task the operation is about. */
  taskTitle?: string;
  /** The name of the contact a contact operation is about. */
  contactName?: string;
}

const quoted = (value: string | undefined) => (value ? ` ‘${value}’` : '');
const list = (values: string[]) => values.map((v) => `‘${v}’`).join(', ');

/** A contact's name as a person reads it, or its email or phone. */
function summaryName(contact: Partial<GhlContact> | Record<string, unknown>) {
  const c = contact as Partial<GhlContact>;
  return contactName(c) ?? (c.phone || undefined);
}

/**
 * The write in words, as the popup and panel list it: "Complete task ‘Send proposal’",
 * "Add note ‘Key quote: we sign in…’", "Create contact Jane Doe".
 */
export function describeOperation(op: OutboxOperation, names: RecordNames = {}): string {
  const contact = names.contactName ? ` ${names.contactName}` : '';
  switch (op.kind) {
    case 'contact.create':
      return `Create contact ${summaryName(op.body) ?? ''}`.trim();
    case 'contact.update':
      return `Update contact${contact}`;
    case 'contact.delete':
      return `Delete contact${contact}`;
    case 'tags.add':
      return `Add ${op.tags.length === 1 ? 'tag' : 'tags'} ${list(op.tags)}${contact && ` to${contact}`}`;
    case 'tags.remove':
      return `Remove ${op.tags.length === 1 ? 'tag' : 'tags'} ${list(op.tags)}${contact && ` from${contact}`}`;
    case 'task.create':
      return `Create task${quoted(String(op.body.title ?? ''))}`;
    case 'task.update':
      return `Update task${quoted(names.taskTitle ?? stringOf(op.body.title))}`;
    case 'task.complete':
      return `${op.completed ? 'Complete' : 'Reopen'} task${quoted(names.taskTitle)}`;
    case 'task.delete':
      return `Delete task${quoted(names.taskTitle)}`;
    case 'note.create':
      return `Add note${quoted(stringOf(op.body.title) ?? preview(stringOf(op.body.body)))}`;
    case 'note.update':
      return 'Edit note';
    case 'note.delete':
      return 'Delete note';
  }
}

/** The start of a note's text, so two queued notes can be told apart in a list. */
function preview(text: string | undefined, max = 40): string | undefined {
  const flat = text?.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads the names {@link describeOperation} needs for these jobs, in one transaction. */
export async function namesFor(
  db: CacheDatabase,
  jobs: readonly Pick<StoredOutboxJob, 'id' | 'operation'>[],
): Promise<Map<string, RecordNames>> {
  const tx = db.transaction(['tasks', 'contacts'], 'readonly');
  const entries = await Promise.all(
    jobs.map(async (job): Promise<[string, RecordNames]> => {
      const op = job.operation;
      const task = 'taskId' in op ? await tx.objectStore('tasks').get(op.taskId) : undefined;
      const contact =
        op.kind.startsWith('contact.') || op.kind.startsWith('tags.')
          ? 'contactId' in op && (await tx.objectStore('contacts').get(op.contactId))
          : undefined;
      return [
        job.id,
        {
          taskTitle: task?.value.title,
          contactName: contact ? summaryName(contact.contact) : undefined,
        },
      ];
    }),
  );
  await tx.done;
  return new Map(entries);
}

/** What a person sees of a job (when it was made, though Retry moved it in the queue). */
export function jobView(job: PendingJob, names: RecordNames = {}): OutboxJobView {
  const op = job.operation;
  return {
    id: job.id,
    kind: op.kind,
    summary: describeOperation(op, names),
    status: job.status,
    attempts: job.attempts,
    createdAt: job.madeAt ?? job.createdAt,
    nextAttemptAt: job.nextAttemptAt,
    error: job.lastError,
    transcriptId: job.transcriptId,
    contactId: 'contactId' in op ? op.contactId : undefined,
    operation: op,
  };
}
