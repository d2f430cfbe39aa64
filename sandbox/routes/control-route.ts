import { notFound, type SandboxReply } from '../ghl-responses';
import type { SandboxContact } from '../sandbox-records';
import type { SandboxState } from '../sandbox-state';

/**
 * One route of the control API under /__sandbox/. The control API is for tests and the demo, not
 * GHL: it needs no token, is not rate-limited, and is left out of counters and the traffic log.
 */
export interface ControlRoute {
  method: string;
  /** Matched against the path after /__sandbox/; groups are the route's parameters. */
  pattern: RegExp;
  handle(state: SandboxState, match: string[], body: unknown): SandboxReply;
}

/** A path segment, captured. */
export const ID = '([^/]+)';

/** A success answer of the control API. */
export function ok(body: unknown = { ok: true }, status = 200): SandboxReply {
  return { status, body };
}

/** The contact with this id, in any location, or 404. */
export function contactOrFail(state: SandboxState, id: string): SandboxContact {
  const found = state.data.contacts.get(id);
  if (!found) throw notFound('Contact');
  return found;
}
