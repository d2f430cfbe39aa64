import type { ConnectionStatus } from '../auth/connection-status';
import type { Clock } from '../clock';
import { UNKNOWN_CONTACT_MESSAGE } from './outbox-reconcile';
import type { OutboxStore, StoredOutboxJob } from './outbox-store';

/** What {@link createHeldJobs} needs of the runner's dependencies. */
export interface HeldJobsDeps {
  store: OutboxStore;
  clock: Clock;
  /** A job changed state (the caller publishes the new counts). */
  changed(): Promise<void>;
  failed(job: StoredOutboxJob): void;
}

/** Whether the connection as it is now may send this job. */
export function sendable(job: StoredOutboxJob, status: ConnectionStatus): boolean {
  return status.state === 'connected' && status.locationId === job.locationId;
}

/**
 * The jobs the runner holds back from sending: `waiting` while the connection cannot take them
 * (sent again by itself once it can), or `failed` until a person retries or discards them.
 */
export function createHeldJobs(deps: HeldJobsDeps) {
  const { store, clock } = deps;

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

  /** Holds a job until the connection is back (or back on its location). */
  async function hold(job: StoredOutboxJob, status: ConnectionStatus) {
    await store.replace(waiting(job, status));
    await deps.changed();
  }

  async function fail(job: StoredOutboxJob) {
    const failed: StoredOutboxJob = { ...job, status: 'failed' };
    if (!(await store.replace(failed))) return;
    deps.failed(failed);
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

  return { hold, fail, outcomeUnknown, holdUnsendable, resumeWaiting };
}

/** See {@link createHeldJobs}. */
export type HeldJobs = ReturnType<typeof createHeldJobs>;
