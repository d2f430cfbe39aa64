import type { AuditEntry } from '../db/cache-schema';
import type { RequestAttempt } from '../ghl/send-once';

/**
 * The audit line of one request. The record is the most specific id in the path (a task or note
 * is named by its own id, the contact kept beside it); a call for the person ('user' priority)
 * is theirs, anything else the extension's own (sync, the outbox, token refreshes).
 */
export function auditEntryOf(attempt: RequestAttempt): AuditEntry {
  const { taskId, id, contactId, businessId } = attempt.params;
  return {
    at: attempt.at,
    operation: attempt.operation,
    method: attempt.method,
    recordId: taskId ?? id ?? contactId ?? businessId,
    contactId,
    startedBy: attempt.priority === 'user' ? 'person' : 'sync',
    result: attempt.status !== undefined ? String(attempt.status) : (attempt.error ?? 'unknown'),
    durationMs: Math.max(0, attempt.durationMs),
  };
}
