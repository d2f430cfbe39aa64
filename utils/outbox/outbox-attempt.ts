import type { ConnectionService } from '../auth/connection-service';
import type { ConnectionStatus } from '../auth/connection-status';
import type { Clock } from '../clock';
import type { CacheDbSource } from '../db/open-cache-db';
import type { AppliedJobs } from './outbox-applied';
import { sendable, type HeldJobs } from './outbox-held-jobs';
import { cachedLookAlikes } from './outbox-look-alike';
import { CREATING_KINDS } from './outbox-operations';
import { findCreatedRecord, reconcilable } from './outbox-reconcile';
import { decideAfterError, type ErrorDecision } from './outbox-retry';
import { sendOperation, type OutboxResult } from './outbox-send';
import type { OutboxStore, StoredOutboxJob } from './outbox-store';

/** What {@link createAttempt} needs of the runner and its parts. */
export interface AttemptDeps {
  db: CacheDbSource;
  store: OutboxStore;
  connection: Pick<ConnectionService, 'client' | 'status'>;
  clock: Clock;
  /** Aborts calls in flight when the outbox is closed. */
  signal: AbortSignal;
  appliedJobs: AppliedJobs;
  heldJobs: HeldJobs;
  /** What becomes of the job after an error (outbox-after-error.ts). */
  afterError(
    job: StoredOutboxJob,
    error: unknown,
    decision: ErrorDecision,
    posted: boolean,
  ): Promise<void>;
}

/** How many times in a row a replaced token sends a write straight back to try again. */
const MAX_IMMEDIATE_RETRIES = 3;

/**
 * One attempt at a due job: held if the connection cannot send it; a create marked `sentAt` is
 * first looked for in GHL (its answer was lost), and only sent again when it is not there. The
 * job is stored as `sending` before its request leaves, and GHL's answer ends it (applied), or
 * its error decides what follows.
 */
export function createAttempt(deps: AttemptDeps) {
  const { store, connection, clock, appliedJobs, afterError } = deps;
  const { hold, fail, outcomeUnknown } = deps.heldJobs;

  async function attempt(job: StoredOutboxJob, status: ConnectionStatus): Promise<void> {
    if (!sendable(job, status)) return hold(job, status);
    const creating = CREATING_KINDS.has(job.operation.kind);
    let reconcile = creating && job.sentAt !== undefined;
    if (reconcile && !reconcilable(job.operation)) return fail(outcomeUnknown(job));
    // A signal of this attempt's own (closing the outbox still aborts it): what listens to it
    // ends with the attempt instead of piling up on the outbox's long-lived one.
    const signal = AbortSignal.any([deps.signal]);
    for (let again = 0; ; again += 1) {
      let posted = false;
      try {
        const client = await connection.client();
        if (client.locationId !== job.locationId) return hold(job, await connection.status());
        let result: OutboxResult | undefined;
        if (reconcile) {
          result = await findCreatedRecord(client.ghl, job, {
            locationId: client.locationId,
            signal,
          });
          reconcile = false;
        }
        if (!result) {
          // Stored before the request leaves: if the answer never comes, this is what says
          // "look before sending again", and which look-alikes are not ours.
          const knownIds = creating && job.sentAt === undefined ? await lookAlikes(job) : undefined;
          job = {
            ...job,
            status: 'sending',
            sentAt: creating ? clock.now() : undefined,
            ...(knownIds && { knownIds }),
          };
          // Gone meanwhile (the cached data was deleted): it is not to be sent.
          if (!(await store.replace(job)) || signal.aborted) return;
          posted = creating;
          result = await sendOperation(client.ghl, job.operation, signal);
        }
        if (signal.aborted) return;
        return await appliedJobs.finish(job, result);
      } catch (error) {
        if (signal.aborted) return;
        const decision = decideAfterError(job.operation, error);
        if (decision.action === 'again' && again < MAX_IMMEDIATE_RETRIES) continue;
        return afterError(job, error, decision, posted);
      }
    }
  }

  /**
   * The records that look like what a create is about to make, as the cache has them just before
   * its first POST: an identical job queued before this one was sent has its record cached by now
   * (jobs of one contact go in order), and a lost answer must not be taken for found in it.
   */
  async function lookAlikes(job: StoredOutboxJob): Promise<string[] | undefined> {
    const now = await cachedLookAlikes(await deps.db.get(), job.operation);
    const ids = [...new Set([...(job.knownIds ?? []), ...now])];
    return ids.length > 0 ? ids : undefined;
  }

  return attempt;
}
