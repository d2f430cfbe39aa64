import type { ConnectionService } from '../auth/connection-service';
import type { ConnectionStatus } from '../auth/connection-status';
import type { Clock } from '../clock';
import type { CacheDbSource } from '../db/open-cache-db';
import { QUOTA_MESSAGE } from '../db/quota';
import { GhlError } from '../ghl/ghl-error';
import { completeJob, type CompletedJob } from './outbox-cache';
import { CREATING_KINDS } from './outbox-operations';
import { dueJob } from './outbox-queue';
import { findCreatedRecord } from './outbox-reconcile';
import { decideAfterError, outboxBackoff, OUTBOX_RETRY, type ErrorDecision } from './outbox-retry';
import { sendOperation, type OutboxResult } from './outbox-send';
import { OutboxStorageError, type OutboxStore, type StoredOutboxJob } from './outbox-store';

/** What the outbox needs of the connection service. */
export type OutboxConnection = Pick<ConnectionService, 'client' | 'status' | 'onChange'>;

/** What {@link createOutboxRunner} is built from. */
export interface OutboxRunnerDeps {
  db: CacheDbSource;
  store: OutboxStore;
  connection: OutboxConnection;
  clock: Clock;
  random: () => number;
  /** Aborts calls in flight when the outbox is closed. */
  signal: AbortSignal;
  /** A job changed state (the caller publishes the new counts). */
  changed(): Promise<void>;
  applied(job: StoredOutboxJob, result: OutboxResult, completed: CompletedJob): void;
  failed(job: StoredOutboxJob): void;
}

/** How many times in a row a replaced token sends a write straight back to try again. */
const MAX_IMMEDIATE_RETRIES = 3;

/**
 * Sends due jobs, one at a time, oldest first, until none is due: what one run of the outbox
 * does (the caller holds the lock that keeps it to one run per extension). Every state change is
 * stored before the next step, so a worker stopped at any await resumes where it was: a create
 * marked `sentAt` is looked for in GHL before it is sent again. A job deleted meanwhile (with the
 * cached data) is never stored again, nor sent.
 */
export function createOutboxRunner(deps: OutboxRunnerDeps) {
  const { store, connection, clock, signal } = deps;

  async function drain(): Promise<void> {
    // A job is resumed at most once per run: if the connection says "connected" but still
    // refuses, the job waits for the next change instead of spinning.
    const resumed = new Set<string>();
    for (;;) {
      if (signal.aborted) return;
      const status = await connection.status();
      const jobs = await store.list();
      const held = await holdUnsendable(jobs, status);
      if ((await resumeWaiting(jobs, status, resumed)) || held) await deps.changed();
      const job = dueJob(jobs, clock.now());
      if (!job) return;
      await attempt(job, status);
    }
  }

  /**
   * While the connection cannot take them (reconnect needed, another location connected), every
   * job of it shows as waiting, with the reason as it is now, not only the next one due.
   */
  async function holdUnsendable(jobs: StoredOutboxJob[], status: ConnectionStatus) {
    let any = false;
    for (const [index, job] of jobs.entries()) {
      if (job.status === 'failed' || sendable(job, status)) continue;
      const next = waiting(job, status);
      if (job.status === 'waiting' && job.lastError?.message === next.lastError?.message) continue;
      if (!(await store.replace(next))) continue;
      jobs[index] = next;
      any = true;
    }
    return any;
  }

  /** Waiting jobs of the connected location go back in the queue. */
  async function resumeWaiting(
    jobs: StoredOutboxJob[],
    status: ConnectionStatus,
    resumed: Set<string>,
  ): Promise<boolean> {
    if (status.state !== 'connected') return false;
    let any = false;
    for (const [index, job] of jobs.entries()) {
      if (job.status !== 'waiting' || job.locationId !== status.locationId) continue;
      if (resumed.has(job.id)) continue;
      resumed.add(job.id);
      const next = await store.update(job.id, (j) =>
        j.status === 'waiting' ? { ...j, status: 'queued', nextAttemptAt: clock.now() } : undefined,
      );
      if (next) jobs[index] = next;
      any = true;
    }
    return any;
  }

  async function attempt(job: StoredOutboxJob, status: ConnectionStatus): Promise<void> {
    if (!sendable(job, status)) return hold(job, status);
    const creating = CREATING_KINDS.has(job.operation.kind);
    let reconcile = creating && job.sentAt !== undefined;
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
          // "look before sending again".
          job = { ...job, status: 'sending', sentAt: creating ? clock.now() : undefined };
          // Gone meanwhile (the cached data was deleted): it is not to be sent.
          if (!(await store.replace(job)) || signal.aborted) return;
          posted = creating;
          result = await sendOperation(client.ghl, job.operation, signal);
        }
        if (signal.aborted) return;
        return await finish(job, result);
      } catch (error) {
        if (signal.aborted) return;
        const decision = decideAfterError(job.operation, error);
        if (decision.action === 'again' && again < MAX_IMMEDIATE_RETRIES) continue;
        return afterError(job, error, decision, posted);
      }
    }
  }

  async function finish(job: StoredOutboxJob, result: OutboxResult) {
    const completed = await completeJob(await deps.db.get(), job, result, clock.now());
    deps.applied(job, result, completed);
    await deps.changed();
  }

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
    switch (decision.action) {
      case 'done':
        return finish(job, { kind: 'deleted' });
      case 'wait':
        return hold(base, await connection.status());
      case 'wait-or-fail': {
        const status = await connection.status();
        return status.state === 'connected' ? fail(base) : hold(base, status);
      }
      case 'fail':
        return fail(base);
      case 'reconcile':
      case 'backoff':
      case 'again': {
        const limited = decision.action !== 'backoff' || decision.limited;
        if (limited && base.attempts >= OUTBOX_RETRY.maxAttempts) return fail(base);
        const retryAfterMs = decision.action === 'backoff' ? decision.retryAfterMs : undefined;
        const delay = outboxBackoff(base.attempts, deps.random, retryAfterMs);
        await store.replace({ ...base, status: 'queued', nextAttemptAt: now + delay });
        return deps.changed();
      }
    }
  }

  async function fail(job: StoredOutboxJob) {
    const failed: StoredOutboxJob = { ...job, status: 'failed' };
    if (!(await store.replace(failed))) return;
    deps.failed(failed);
    await deps.changed();
  }

  /** Holds a job until the connection is back (or back on its location). */
  async function hold(job: StoredOutboxJob, status: ConnectionStatus) {
    await store.replace(waiting(job, status));
    await deps.changed();
  }

  /** The job as it waits, with why in words. */
  function waiting(job: StoredOutboxJob, status: ConnectionStatus): StoredOutboxJob {
    const message =
      status.state === 'not-connected'
        ? 'Not connected to GHL: it will be sent once you connect again.'
        : status.locationId !== job.locationId
          ? `Made for GHL location ${job.locationId}: it will be sent once that location is connected again.`
          : `${status.reconnectReason ?? 'The GHL connection needs you to connect again.'} It will be sent once you do.`;
    return {
      ...job,
      status: 'waiting',
      nextAttemptAt: clock.now(),
      lastError: { kind: 'reconnect-needed', message, at: clock.now() },
    };
  }

  return { drain };
}

/** Whether the connection as it is now may send this job. */
function sendable(job: StoredOutboxJob, status: ConnectionStatus): boolean {
  return status.state === 'connected' && status.locationId === job.locationId;
}

/** The error as the job keeps it: a kind and words a person can read, never a stack or token. */
function errorRecord(error: unknown, at: number, message?: string) {
  if (error instanceof GhlError) return { kind: error.kind, message: message ?? error.message, at };
  if (error instanceof OutboxStorageError) return { kind: 'quota', message: QUOTA_MESSAGE, at };
  return {
    kind: 'internal',
    message: 'Something went wrong in the extension; it will be tried again.',
    at,
  };
}
