import { QUOTA_MESSAGE } from '../db/quota';
import type { CallOptions, GhlClient } from '../ghl/ghl-client';
import { GhlError } from '../ghl/ghl-error';
import { backoffDelay, OUTBOX_WRITE } from '../ghl/retry-policy';
import type { OutboxOperation } from '../messaging/write-schemas';
import { creates, operationFor } from './operations/registry';
import type { OutboxResult } from './operations/operation';
import { isStorageFull, type StoredOutboxJob } from './outbox-queue';

/**
 * What the outbox does with a write after an error, and how a create whose answer was lost is
 * looked for before it is sent again. The outbox owns retrying writes (the client repeats only
 * what GHL refused), by the policy {@link OUTBOX_WRITE} (utils/ghl/retry-policy.ts, which states
 * the most requests one write can cause).
 */

/**
 * The wait before attempt `attempts + 1`: exponential, capped, with equal jitter; never shorter
 * than GHL's Retry-After.
 */
export function outboxBackoff(attempts: number, random: () => number, retryAfterMs = 0): number {
  return Math.max(backoffDelay(Math.max(0, attempts - 1), OUTBOX_WRITE, random), retryAfterMs);
}

/** What to do with a job after an error. */
export type ErrorDecision =
  /** Try again later; `limited`: counts toward {@link OUTBOX_WRITE.maxAttempts}. */
  | { action: 'backoff'; limited: boolean; retryAfterMs?: number }
  /** The answer was lost: look for the record, then send again if it is not there. */
  | { action: 'reconcile' }
  /** The token was replaced mid-call; nothing was sent: try again at once. */
  | { action: 'again' }
  /** Hold until the person reconnects. */
  | { action: 'wait' }
  /** A 401: wait if the connection is now marked for reconnecting, else fail. */
  | { action: 'wait-or-fail' }
  /** The record is already gone: the write is done. */
  | { action: 'done' }
  /** Permanent: keep it as failed, with the reason, for a person to retry or discard. */
  | { action: 'fail'; message?: string };

/** Reads an error for what the outbox should do next with the write that met it. */
export function decideAfterError(op: OutboxOperation, error: unknown): ErrorDecision {
  // A full disk says nothing about the write either; the person is told (the `problem` event).
  if (isStorageFull(error)) return { action: 'backoff', limited: false };
  if (!(error instanceof GhlError)) return { action: 'backoff', limited: true };
  switch (error.kind) {
    // GHL asked for patience, or the network is down: neither says anything is wrong with the
    // write, so these never use up its attempts (the wait is capped, the popup shows it pending).
    case 'rate-limited':
      return { action: 'backoff', limited: false, retryAfterMs: error.retryAfterMs };
    case 'network':
      return { action: 'backoff', limited: false };
    case 'server':
    case 'timeout':
      return { action: 'backoff', limited: true };
    case 'outcome-unknown':
      return { action: 'reconcile' };
    case 'bad-response':
      // A create's own answer is never this (the client reports outcome-unknown), so here it is
      // the answer to a reconciling read: try later. Anything else was applied, but its answer
      // cannot be read; a person decides.
      return creates(op.kind) ? { action: 'backoff', limited: true } : { action: 'fail' };
    case 'connection-changed':
      return { action: 'again' };
    case 'reconnect-needed':
      return { action: 'wait' };
    case 'unauthorized':
      return { action: 'wait-or-fail' };
    case 'not-found': {
      // A delete of something already gone is done; anything else names what is gone.
      const gone = operationFor(op.kind).gone;
      return gone === 'done' ? { action: 'done' } : { action: 'fail', message: gone };
    }
    case 'validation':
    case 'missing-scope':
    case 'forbidden':
      return { action: 'fail' };
  }
}

/** The error as the job keeps it: a kind and words a person can read, never a stack or token. */
export function errorRecord(error: unknown, at: number, message?: string) {
  if (error instanceof GhlError) return { kind: error.kind, message: message ?? error.message, at };
  if (isStorageFull(error)) return { kind: 'quota', message: QUOTA_MESSAGE, at };
  return {
    kind: 'internal',
    message: 'Something went wrong in the extension; it will be tried again.',
    at,
  };
}

/** Why a create that cannot be looked for stops after its answer was lost. */
export const UNKNOWN_CONTACT_MESSAGE =
  'GHL may or may not have created this contact; check GHL, then Retry or Discard.';

/**
 * How far GHL's clock may be behind ours. A record GHL dates earlier than this before the job was
 * queued existed before the write and cannot be its result.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Whether a write whose answer was lost can be looked for in GHL (a contact with a name but no
 * email or phone cannot: a person decides, {@link UNKNOWN_CONTACT_MESSAGE}).
 */
export function reconcilable(job: Pick<StoredOutboxJob, 'operation'>): boolean {
  return operationFor(job.operation.kind).create?.reconcilable(job.operation) ?? true;
}

/**
 * Looks in GHL for the record a create may already have made: the POST was sent (`sentAt` is
 * set) but its answer never came (lost connection, timeout, the worker stopped). Finding it ends
 * the job without sending again, which is what keeps a lost answer from becoming a duplicate.
 * Answers the record, or undefined when it is not there (then the write is sent again). Records
 * that looked the same before the job was sent (`knownIds`) and records GHL dates before the
 * person made the write are never taken for it; how each kind is looked for is its `create.find`.
 */
export async function findCreatedRecord(
  ghl: GhlClient,
  job: StoredOutboxJob,
  locationId: string,
  o: CallOptions,
): Promise<OutboxResult | undefined> {
  const rules = operationFor(job.operation.kind).create;
  if (!rules) return undefined;
  return rules.find(ghl, job.operation, lookFor(job, locationId, o));
}

/**
 * When GHL refused a create's POST: the record it may have made all the same (the kind's
 * `create.refused`: a resend refused as a duplicate of what the lost first send made, a 422 on
 * a create GHL applied), looked at under the same rules as {@link findCreatedRecord}. Answers
 * undefined when the refusal stands.
 */
export async function findRefusedCreate(
  ghl: GhlClient,
  job: StoredOutboxJob,
  locationId: string,
  error: unknown,
  o: CallOptions,
): Promise<OutboxResult | undefined> {
  const refused = operationFor(job.operation.kind).create?.refused;
  if (!refused || !(error instanceof GhlError) || error.kind !== 'validation') return undefined;
  return refused(ghl, job.operation, error, lookFor(job, locationId, o));
}

/** Records that looked the same before the job was sent, or that GHL dates before it, are not its. */
function lookFor(job: StoredOutboxJob, locationId: string, o: CallOptions) {
  const known = new Set(job.knownIds ?? []);
  const madeBefore = (job.madeAt ?? job.createdAt) - CLOCK_SKEW_MS;
  const fresh = (record: { id: string; dateAdded?: unknown }) =>
    !known.has(record.id) && !datedBefore(record.dateAdded, madeBefore);
  return { locationId, o, fresh };
}

function datedBefore(dateAdded: unknown, limit: number): boolean {
  const at = typeof dateAdded === 'string' ? Date.parse(dateAdded) : Number.NaN;
  return !Number.isNaN(at) && at < limit;
}
