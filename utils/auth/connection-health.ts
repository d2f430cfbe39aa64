import type { z } from 'zod';
import type { GhlEndpoint } from '../ghl/endpoints';
import type { GhlError } from '../ghl/ghl-error';
import { isWrite } from './connection-client';
import type { ConnectionKind } from './connection-records';

/** What a failed call means for the connection as a whole. */
export type HealthConsequence = { reconnect: string } | { readOnly: string } | undefined;

/**
 * Reads a call's error for what it says about the credentials. Most errors concern one call
 * (a missing contact, a 5xx); these concern every call: the token is dead, or lacks a scope.
 */
export function healthConsequence(
  kind: ConnectionKind,
  error: GhlError,
  /** The call's operation; absent for work outside a call (a refresh ahead of expiry). */
  endpoint?: GhlEndpoint<z.ZodType>,
): HealthConsequence {
  switch (error.kind) {
    case 'reconnect-needed':
      // Raised locally when the connection is already gone: nothing new to learn.
      if (error.endpoint === 'connection' || error.endpoint === 'token store') return undefined;
      return {
        reconnect:
          'GHL stopped accepting this connection (access was revoked or the app was uninstalled). Connect again; nothing you wrote is lost.',
      };
    case 'unauthorized':
      // OAuth already tried a refresh before this surfaces as reconnect-needed; a Private
      // Integration (or Sandbox) token cannot be refreshed, so a 401 means it was rotated or deleted.
      if (kind === 'oauth') return undefined;
      return {
        reconnect:
          kind === 'sandbox'
            ? 'The Sandbox no longer accepts its token. Turn Sandbox mode off and on again.'
            : 'GHL no longer accepts this Private Integration token: it may have been rotated or deleted. Paste the new token with "Replace token"; nothing you wrote is lost.',
      };
    case 'missing-scope':
      // An optional scope (names) refused: the connection works as before, only without names.
      if (endpoint?.optionalScope) return undefined;
      return endpoint && isWrite(endpoint)
        ? {
            readOnly:
              'Read-only: GHL refused a change because this connection lacks the contacts.write scope.',
          }
        : {
            reconnect:
              'GHL says this connection may no longer read contacts (contacts.readonly). Connect again with that scope.',
          };
    default:
      return undefined;
  }
}
