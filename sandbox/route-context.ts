import type { GhlApiVersion, OPTIONAL_SCOPES } from '../utils/ghl/api-constants';
import { ghlError, notFound, WRONG_LOCATION_MESSAGE, type SandboxReply } from './ghl-responses';
import type { AccessGrant } from './sandbox-auth';
import type { SandboxContact } from './sandbox-records';
import type { SandboxState } from './sandbox-state';

/** What a GHL route gets: its path parameters, query, parsed body and the caller's grant. */
export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  grant: AccessGrant;
  state: SandboxState;
}

/** One GHL operation of the Sandbox. `path` uses the spec's `{name}` templates. */
export interface SandboxRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  /** The scope the operation needs (the spec's `security` of the operation). */
  scope: 'contacts.readonly' | 'contacts.write' | (typeof OPTIONAL_SCOPES)[number];
  /**
   * The one `Version` header the operation accepts (its spec's header enum): 2021-04-15 for the
   * Calendars operations; 2021-07-28 when absent.
   */
  version?: GhlApiVersion;
  handle(context: RouteContext): SandboxReply;
}

/**
 * The contact named by `{contactId}`: 404 when no location has it, 403 when it belongs to
 * another location than the token's.
 */
export function contactOf({ params, grant, state }: RouteContext): SandboxContact {
  const contact = state.data.contacts.get(params.contactId ?? '');
  if (!contact) throw notFound('Contact');
  if (contact.locationId !== grant.locationId) throw ghlError(403, WRONG_LOCATION_MESSAGE);
  return contact;
}

/** Checks a `locationId` the caller sent against the token's location. */
export function requireOwnLocation(grant: AccessGrant, locationId: string | null | undefined) {
  if (!locationId) return;
  if (locationId !== grant.locationId) throw ghlError(403, WRONG_LOCATION_MESSAGE);
}

/** Marks a contact as changed now, as GHL does on every edit. */
export function touch(contact: SandboxContact, state: SandboxState) {
  // Strictly later than before, even when the clock has not moved since the last edit.
  const now = Math.max(state.clock.now(), Date.parse(contact.dateUpdated) + 1);
  contact.dateUpdated = new Date(now).toISOString();
}
