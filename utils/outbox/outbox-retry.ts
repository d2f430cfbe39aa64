import { GhlError } from '../ghl/ghl-error';
import { CREATING_KINDS, type OutboxOperation } from './outbox-operations';
import { isStorageFull } from './outbox-store';

/** How the outbox spaces attempts at one write. */
export const OUTBOX_RETRY = {
  /** The first wait; it doubles with each attempt. */
  baseDelayMs: 2_000,
  /** The longest wait between two attempts. */
  maxDelayMs: 10 * 60_000,
  /** Attempts that end in a server error, a timeout or an unknown outcome before giving up. */
  maxAttempts: 10,
} as const;

/**
 * The wait before attempt `attempts + 1`: exponential, capped, with "equal jitter" (half fixed,
 * half random) so that writes which failed together spread out but never retry at once; never
 * shorter than GHL's Retry-After.
 */
export function outboxBackoff(attempts: number, random: () => number, retryAfterMs = 0): number {
  const ceiling = Math.min(
    OUTBOX_RETRY.maxDelayMs,
    OUTBOX_RETRY.baseDelayMs * 2 ** Math.max(0, attempts - 1),
  );
  return Math.max(Math.round(ceiling / 2 + (random() * ceiling) / 2), retryAfterMs);
}

/** What to do with a job after an error. */
export type ErrorDecision =
  /** Try again later; `limited`: counts toward {@link OUTBOX_RETRY.maxAttempts}. */
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

const DELETES = new Set<OutboxOperation['kind']>(['contact.delete', 'task.delete', 'note.delete']);

/** Reads an error for what the outbox should do next with the write that met it. */
export function decideAfterError(op: OutboxOperation, error: unknown): ErrorDecision {
  // A full disk says nothing about the write either; the person is told (onProblem).
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
      return CREATING_KINDS.has(op.kind)
        ? { action: 'backoff', limited: true }
        : { action: 'fail' };
    case 'connection-changed':
      return { action: 'again' };
    case 'reconnect-needed':
      return { action: 'wait' };
    case 'unauthorized':
      return { action: 'wait-or-fail' };
    case 'not-found':
      return DELETES.has(op.kind)
        ? { action: 'done' }
        : { action: 'fail', message: goneMessage(op) };
    case 'validation':
    case 'missing-scope':
    case 'forbidden':
      return { action: 'fail' };
  }
}

/**
 * Why a write to something GHL no longer has was not made, naming what is gone: a task or note
 * is created on a contact, so a 404 there means the contact went; an update's 404 is about the
 * record it changes.
 */
export function goneMessage(op: OutboxOperation): string {
  const notMade = 'so the change was not made.';
  switch (op.kind) {
    case 'contact.create':
      // Nothing it names can be gone: the contact does not exist yet.
      return `GHL could not find where to create it, ${notMade}`;
    case 'task.create':
    case 'note.create':
      return `The contact no longer exists in GHL, ${notMade}`;
    default: {
      const what = op.kind.startsWith('task.')
        ? 'task'
        : op.kind.startsWith('note.')
          ? 'note'
          : 'contact';
      return `The ${what} no longer exists in GHL (it may have been deleted there), ${notMade}`;
    }
  }
}
