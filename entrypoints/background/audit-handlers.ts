import type { AuditLog } from '@/utils/audit/audit-log';
import type { MessageHandlers } from './message-router';

/** The most audit entries the options page gets (the exports hold the same). */
const AUDIT_LIST_LIMIT = 10_000;

/** The options page's audit log of GHL requests. */
export function createAuditHandlers(deps: {
  auditLog: Pick<AuditLog, 'list'>;
}): Pick<MessageHandlers, 'audit/list'> {
  return {
    'audit/list': () => deps.auditLog.list({ limit: AUDIT_LIST_LIMIT }),
  };
}
