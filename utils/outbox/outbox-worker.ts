import type { ConnectionService } from '../auth/connection-service';
import type { ConnectionStatus } from '../auth/connection-status';
import type { Clock } from '../clock';
import type { CacheDbSource } from '../db/open-cache-db';
import { QUOTA_MESSAGE } from '../db/quota';
import type { CallOptions, GhlClient } from '../ghl/ghl-client';
import { GhlError } from '../ghl/ghl-error';
import { OUTBOX_WRITE, OUTBOX_CALL } from '../ghl/retry-policy';
import type { OutboxResult } from './operations/operation';
import { operationFor } from './operations/registry';
import { completeJob } from './outbox-cache';
import type { OutboxEvents } from './outbox-events';
import { dueJob, isStorageFull, type OutboxStore, type StoredOutboxJob } from './outbox-queue';
import {
  decideAfterError,
  errorRecord,
  findCreatedRecord,
  outboxBackoff,
  findRefusedCreate,
  reconcilable,
  UNKNOWN_CONTACT_MESSAGE,
  type ErrorDecision,
} from './outbox-retry';

/** What the outbox needs of the connection service. */
export type OutboxConnection = Pick<ConnectionService, 'client' | 'status' | 'onChange'>;

/** What {@link createOutboxWorker} is built from. */
export interface OutboxWorkerDeps {
  db: CacheDbSource;
  store: OutboxStore;
  connection: OutboxConnection;
  clock: Clock;
  random: () => number;
  /** Aborts calls in flight when the outbox is closed. */
  signal: AbortSignal;
  events: OutboxEvents;
  /** Tells `changed` with the counts as they are now. */
  changed(): Promise<void>;
}

/** How many times in a row a replaced token sends a write straight back to try again. */
const MAX_IMMEDIATE_RETRIES = 3;

/**
 * Sends due jobs, one at a time, oldest first, until none is due: what one run of the outbox
 * does (the caller holds the lock that keeps it to one run per extension). Every state change is
 * stored before the next step, so a worker stopped at any await resumes where it was: a create
 * marked `sentAt` is looked for in GHL before it is sent again, and a job left `applied` has its
 * effects run. A job deleted meanwhile (with the cached data) is never stored again, nor sent.
 */
export function createOutboxWorker(deps: OutboxWorkerDeps) {
  const { store, connection, clock, signal, events } = deps;

  async function drain(): Promise<void> {
    await finishLeftOver();
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
   * One attempt at a due job: held if the connection cannot send it; a create marked `sentAt` is
   * first looked for in GHL (its answer was lost), and only sent again when it is not there. The
   * job is stored as `sending` before its request leaves, and GHL's answer ends it (applied), or
   * its error decides what follows.
   */
  async function attempt(job: StoredOutboxJob, status: ConnectionStatus): Promise<void> {
    if (!sendable(job, status)) return hold(job, status);
    const operation = operationFor(job.operation.kind);
    const creating = operation.create !== undefined;
    let reconcile = creating && job.sentAt !== undefined;
    if (reconcile && !reconcilable(job)) return fail(outcomeUnknown(job));
    // A signal of this attempt's own (closing the outbox still aborts it): what listens to it
    // ends with the attempt instead of piling up on the outbox's long-lived one.
    const attemptSignal = AbortSignal.any([signal]);
    // The client repeats only what GHL refused: this outbox owns retrying the write.
    const o: CallOptions = { priority: 'user', signal: attemptSignal, retry: OUTBOX_CALL };
    for (let again = 0; ; again += 1) {
      let posted = false;
      try {
        const client = await connection.client();
        if (client.locationId !== job.locationId) return hold(job, await connection.status());
        let result: OutboxResult | undefined;
        if (reconcile) {
          result = await findCreatedRecord(client.ghl, job, client.locationId, o);
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
          if (!(await store.replace(job)) || attemptSignal.aborted) return;
          posted = creating;
          result = await sendCreateAware(client, job, o);
        }
        if (attemptSignal.aborted) return;
        return await finish(job, result);
      } catch (error) {
        if (attemptSignal.aborted) return;
        const decision = decideAfterError(job.operation, error);
        if (decision.action === 'again' && again < MAX_IMMEDIATE_RETRIES) continue;
        return afterError(job, error, decision, posted);
      }
    }
  }

  /**
   * Sends the job; a create GHL refuses is first looked for (findRefusedCreate): GHL may have
   * made it all the same, and then the write is done, not failed.
   */
  async function sendCreateAware(
    client: { ghl: GhlClient; locationId: string },
    job: StoredOutboxJob,
    o: CallOptions,
  ): Promise<OutboxResult> {
    const operation = operationFor(job.operation.kind);
    try {
      return await operation.send(client.ghl, job.operation, o, { db: await deps.db.get() });
    } catch (error) {
      if (!operation.create) throw error;
      const found = await findRefusedCreate(client.ghl, job, client.locationId, error, o);
      if (!found) throw error;
      return found;
    }
  }

  /**
   * The records that look like what a create is about to make, as the cache has them just before
   * its first POST: an identical job queued before this one was sent has its record cached by now
   * (jobs of one contact go in order), and a lost answer must not be taken for found in it.
   */
  async function lookAlikes(job: StoredOutboxJob): Promise<string[] | undefined> {
    const rules = operationFor(job.operation.kind).create;
    const now = rules ? await rules.lookAlikes(await deps.db.get(), job.operation) : [];
    const ids = [...new Set([...(job.knownIds ?? []), ...now])];
    return ids.length > 0 ? ids : undefined;
  }

  /**
   * The end of a job GHL applied, in three steps that each survive the worker stopping after
   * them: the job is marked `applied` with the answer cached (one transaction, completeJob), its
   * effects run (the `applied` event), and the job is deleted. A worker stopped between the first
   * and the last leaves the job applied: the next run runs its effects, so they may run twice.
   * Rejects only when nothing was committed (the job stays as is).
   */
  async function finish(job: StoredOutboxJob, result: OutboxResult): Promise<void> {
    const db = await deps.db.get();
    const completed = await completeJob(db, job, result, clock.now());
    // Committed: nothing after this may count as the write failing (and send it again). A job
    // whose deletion failed stays applied; the next run finishes it.
    try {
      await deps.changed();
      await runEffects(job, result, completed);
    } catch (error) {
      console.warn('GHL for Trint: an applied write was not cleared:', (error as Error)?.name);
    }
  }

  /**
   * Runs what follows an applied job, then deletes it: once, even if the effects fail (they are
   * logged), so a bad effect cannot wedge the queue.
   */
  async function runEffects(
    job: StoredOutboxJob,
    result: OutboxResult,
    completed: StoredOutboxJob['completed'] & object,
  ) {
    try {
      await events.emit('applied', job, result, completed);
    } finally {
      await store.delete(job.id);
    }
  }

  /** Runs the effects of the jobs a stopped worker left applied, and deletes them. */
  async function finishLeftOver(): Promise<void> {
    for (const job of await store.list()) {
      if (signal.aborted) return;
      if (job.status !== 'applied') continue;
      if (job.result) await runEffects(job, job.result, job.completed ?? {});
      else await store.delete(job.id);
    }
  }

  /**
   * What becomes of a job whose attempt met an error, as {@link ErrorDecision} says: done, held
   * for the connection, queued again after its backoff, or failed. The attempt and the error are
   * counted on the job, in words a person can read.
   */
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
    // Should storing this fail too, the run stops and the outbox reports it (outbox-schedule.ts).
    await settleError(job, base, decision);
    // Last, so that the counts published meanwhile do not hide it.
    if (isStorageFull(error)) void events.emit('problem', QUOTA_MESSAGE);
  }

  async function settleError(job: StoredOutboxJob, base: StoredOutboxJob, decision: ErrorDecision) {
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
        // A create that cannot be looked for is not sent again blindly: a person decides.
        if (!reconcilable(job)) return fail(outcomeUnknown(base));
        return later(base, decision);
      case 'backoff':
      case 'again':
        return later(base, decision);
    }
  }

  /** Queues the job again after its backoff, or fails it once its attempts are used up. */
  async function later(base: StoredOutboxJob, decision: ErrorDecision) {
    const limited = decision.action !== 'backoff' || decision.limited;
    if (limited && base.attempts >= OUTBOX_WRITE.maxAttempts) return fail(base);
    const retryAfterMs = decision.action === 'backoff' ? decision.retryAfterMs : undefined;
    const delay = outboxBackoff(base.attempts, deps.random, retryAfterMs);
    await store.replace({ ...base, status: 'queued', nextAttemptAt: clock.now() + delay });
    await deps.changed();
  }

  /** The job as it waits for the connection, with why in words. */
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

  /** Holds a job until the connection is back (or back on its location). */
  async function hold(job: StoredOutboxJob, status: ConnectionStatus) {
    await store.replace(waiting(job, status));
    await deps.changed();
  }

  /** Stops a job for good, until a person retries or discards it. */
  async function fail(job: StoredOutboxJob) {
    const failed: StoredOutboxJob = { ...job, status: 'failed' };
    if (!(await store.replace(failed))) return;
    void events.emit('failed', failed);
    await deps.changed();
  }

  /** A create whose outcome is unknown and that cannot be looked for: failed, for a person. */
  function outcomeUnknown(job: StoredOutboxJob): StoredOutboxJob {
    const at = clock.now();
    return { ...job, lastError: { kind: 'outcome-unknown', message: UNKNOWN_CONTACT_MESSAGE, at } };
  }

  /**
   * While the connection cannot take them (reconnect needed, another location connected), every
   * job of it shows as waiting, with the reason as it is now, not only the next one due.
   */
  async function holdUnsendable(jobs: StoredOutboxJob[], status: ConnectionStatus) {
    let any = false;
    for (const [index, job] of jobs.entries()) {
      if (job.status === 'failed' || job.status === 'applied' || sendable(job, status)) continue;
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

  return { drain };
}

/** Whether the connection as it is now may send this job. */
function sendable(job: StoredOutboxJob, status: ConnectionStatus): boolean {
  return status.state === 'connected' && status.locationId === job.locationId;
}
