import type { ConnectionService } from '../auth/connection-service';
import type { Clock } from '../clock';
import { QUOTA_MESSAGE } from '../db/quota';
import { GhlError } from '../ghl/ghl-error';
import type { AppliedJobs } from './outbox-applied';
import type { HeldJobs } from './outbox-held-jobs';
import { reconcilable } from './outbox-reconcile';
import { outboxBackoff, OUTBOX_RETRY, type ErrorDecision } from './outbox-retry';
import { isStorageFull, type OutboxStore, type StoredOutboxJob } from './outbox-store';

/** What {@link createAfterError} needs of the runner and its parts. */
export interface AfterErrorDeps {
  store: OutboxStore;
  connection: Pick<ConnectionService, 'status'>;
  clock: Clock;
  random: () => number;
  /** A job changed state (the caller publishes the new counts). */
  changed(): Promise<void>;
  /** A problem the person must be told of, in words (the storage quota). */
  problem(message: string): void;
  appliedJobs: AppliedJobs;
  heldJobs: HeldJobs;
}

/**
 * What becomes of a job whose attempt met an error, as {@link ErrorDecision} says (see
 * outbox-retry.ts): done, held for the connection, queued again after its backoff, or failed.
 * The attempt and the error are counted on the job, in words a person can read.
 */
export function createAfterError(deps: AfterErrorDeps) {
  const { store, connection, clock, appliedJobs } = deps;
  const { hold, fail, outcomeUnknown } = deps.heldJobs;

  async function afterError(
    job: StoredOutboxJob,
    error: unknown,
    decision: ErrorDecision,
    posted: boolean,
  ): Promise<void> {
    const now = clock.now();
    // A create keeps `sentAt` (look before resending) unless GHL surely did not apply its POST.
    const maybeApplied =
      !posted ||
      !(error instanceof GhlError) ||
      error.kind === 'outcome-unknown' ||
      error.kind === 'bad-response';
    const base: StoredOutboxJob = {
      ...job,
      attempts: job.attempts + 1,
      sentAt: maybeApplied ? job.sentAt : undefined,
      lastError: errorRecord(error, now, decision.action === 'fail' ? decision.message : undefined),
    };
    // Should storing this fail too, the run stops and the outbox reports it (outbox-process.ts).
    await settleError(job, base, decision);
    // Last, so that the counts published meanwhile do not hide it.
    if (isStorageFull(error)) deps.problem(QUOTA_MESSAGE);
  }

  async function settleError(job: StoredOutboxJob, base: StoredOutboxJob, decision: ErrorDecision) {
    switch (decision.action) {
      case 'done':
        return appliedJobs.finish(job, { kind: 'deleted' });
      case 'wait':
        return hold(base, await connection.status());
      case 'wait-or-fail': {
        const status = await connection.status();
        return status.state === 'connected' ? fail(base) : hold(base, status);
      }
      case 'fail':
        return fail(base);
      case 'reconcile':
        // A create that cannot be looked for is not sent again blindly: a person decides.
        if (!reconcilable(job.operation)) return fail(outcomeUnknown(base));
        return later(base, decision);
      case 'backoff':
      case 'again':
        return later(base, decision);
    }
  }

  /** Queues the job again after its backoff, or fails it once its attempts are used up. */
  async function later(base: StoredOutboxJob, decision: ErrorDecision) {
    const limited = decision.action !== 'backoff' || decision.limited;
    if (limited && base.attempts >= OUTBOX_RETRY.maxAttempts) return fail(base);
    const retryAfterMs = decision.action === 'backoff' ? decision.retryAfterMs : undefined;
    const delay = outboxBackoff(base.attempts, deps.random, retryAfterMs);
    await store.replace({ ...base, status: 'queued', nextAttemptAt: clock.now() + delay });
    await deps.changed();
  }

  return afterError;
}

/** The error as the job keeps it: a kind and words a person can read, never a stack or token. */
function errorRecord(error: unknown, at: number, message?: string) {
  if (error instanceof GhlError) return { kind: error.kind, message: message ?? error.message, at };
  if (isStorageFull(error)) return { kind: 'quota', message: QUOTA_MESSAGE, at };
  return {
    kind: 'internal',
    message: 'Something went wrong in the extension; it will be tried again.',
    at,
  };
}
