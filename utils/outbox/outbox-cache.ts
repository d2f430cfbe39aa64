import type { OutboxJob } from '../db/cache-schema';
import type { CacheDatabase } from '../db/open-cache-db';
import type { CompletedJob, CompleteStore, OutboxResult } from './operations/operation';
import { operationFor } from './operations/registry';
import type { StoredOutboxJob } from './outbox-queue';

export type { CompletedJob } from './operations/operation';

const STORES: CompleteStore[] = ['outbox', 'contacts', 'tasks', 'notes', 'appointments', 'meta'];

/**
 * Records that GHL applied a job: marks it `applied` (with GHL's answer and what the cache held
 * before, for its follow-up effects) and puts what GHL answered into the cache (the kind's
 * `cache` part), in one transaction, so the panel never shows the write both as pending and as
 * done, and a worker stopped half-way leaves neither. The worker deletes the job once its effects
 * have run; a worker stopped before that runs them at its next start. A job deleted meanwhile
 * (with the cached data) is not stored again. Links to a deleted contact are not touched: that is
 * the effects' part.
 */
export async function completeJob(
  db: CacheDatabase,
  job: OutboxJob,
  result: OutboxResult,
  now: number,
): Promise<CompletedJob> {
  const tx = db.transaction(STORES, 'readwrite');
  let completed: CompletedJob = {};
  const work = (async () => {
    completed = await operationFor(job.operation.kind).cache(tx, job, result, now);
    const outbox = tx.objectStore('outbox');
    if (await outbox.get(job.id)) {
      const applied: StoredOutboxJob = { ...job, status: 'applied', result, completed };
      await outbox.put(applied);
    }
  })();
  // A request that throws (the quota) must not leave the rest of the transaction to commit.
  const aborting = work.catch((error: unknown) => {
    try {
      tx.abort();
    } catch {
      // Already finished: nothing to undo.
    }
    throw error;
  });
  await Promise.all([aborting, tx.done]);
  return completed;
}
