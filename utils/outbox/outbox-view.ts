import type { CacheDatabase } from '../db/open-cache-db';
import type { OutboxJobView, OutboxOperation } from '../messaging/write-schemas';
import type { RecordNames } from './operations/operation';
import { operationFor } from './operations/registry';
import { summaryName } from './operations/words';
import type { PendingJob, StoredOutboxJob } from './outbox-queue';

export type { RecordNames } from './operations/operation';

/**
 * The write in words, as the popup and panel list it: "Complete task ‘Send proposal’",
 * "Add note ‘Key quote: we sign in…’", "Create contact Jane Doe" (each kind's `describe`).
 */
export function describeOperation(op: OutboxOperation, names: RecordNames = {}): string {
  return operationFor(op.kind).describe(op, names);
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
        operationFor(op.kind).namesContact && 'contactId' in op
          ? await tx.objectStore('contacts').get(op.contactId)
          : undefined;
      return [
        job.id,
        {
          taskTitle: task?.value.title ?? undefined,
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
