import type { SyncRun } from '../db/cache-schema';
import { isQuotaError, QUOTA_MESSAGE } from '../db/quota';
import { GhlError, type GhlErrorKind } from '../ghl/ghl-error';

/** One error of a run, as the run history keeps it: never a stack trace or a token. */
export type RunError = SyncRun['errors'][number];

/**
 * Failures after which the rest of a run would fail the same way: the connection needs a person
 * or changed, the rate budget is spent, the location refuses us, or the network is gone. Other
 * failures (one contact's bad answer, a server error) are recorded and the run goes on.
 */
const RUN_STOPPERS: ReadonlySet<GhlErrorKind> = new Set([
  'reconnect-needed',
  'connection-changed',
  'unauthorized',
  'forbidden',
  'rate-limited',
  'network',
]);

/**
 * Whether the browser refused a write for lack of space: IndexedDB's own error, or one already
 * wrapped by other cache code (named QuotaError there).
 */
export function isQuotaFailure(error: unknown): boolean {
  return isQuotaError(error) || (error instanceof Error && error.name === 'QuotaError');
}

/**
 * The kind of a run error that is the daily-quota pause holding background requests back (see
 * GhlError.quotaPaused): not a failure of the run.
 */
export const QUOTA_PAUSED_KIND = 'quota-paused';

/** The error as a run records it. */
export function runErrorOf(error: unknown, contactId?: string): RunError {
  if (isQuotaFailure(error)) return { contactId, kind: 'quota', message: QUOTA_MESSAGE };
  if (error instanceof GhlError) {
    const kind = error.quotaPaused ? QUOTA_PAUSED_KIND : error.kind;
    return { contactId, kind, message: error.message };
  }
  const name = error instanceof Error ? error.name : typeof error;
  return { contactId, kind: 'internal', message: `Unexpected error (${name}).` };
}

/** Whether the run should stop after this error instead of trying the next contact. */
export function stopsRun(error: unknown): boolean {
  return isQuotaFailure(error) || (error instanceof GhlError && RUN_STOPPERS.has(error.kind));
}
