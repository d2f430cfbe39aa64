import {
  connectionStatusSchema,
  type ConnectionStatus,
} from '../messaging/connection-status-schema';
import { scopeRights } from '../ghl/scopes';

export {
  connectionStatusSchema,
  type ConnectionStatus,
} from '../messaging/connection-status-schema';

/** The status when no connection is stored. */
export const NOT_CONNECTED: ConnectionStatus = { state: 'not-connected' };

/** What a stored connection looks like from outside: the fields below, nothing secret. */
export interface ConnectionFacts {
  kind: 'pit' | 'oauth' | 'sandbox';
  locationId: string;
  locationName?: string;
  scopes: string[];
  readOnlyReason?: string;
  connectedAt: number;
  health: { state: 'ok' } | { state: 'reconnect-needed'; reason: string };
}

/** The read-only reason shown when the granted scopes lack contacts.write. */
export const NO_WRITE_SCOPE_REASON =
  'Read-only: this connection was not granted contacts.write, so changes cannot be sent to GHL.';

/** The public status of a stored connection (or of none). */
export function statusOf(connection: ConnectionFacts | undefined): ConnectionStatus {
  if (!connection) return NOT_CONNECTED;
  const { canWrite } = scopeRights(connection.scopes);
  const readOnlyReason =
    connection.readOnlyReason ?? (canWrite ? undefined : NO_WRITE_SCOPE_REASON);
  return {
    state: connection.health.state === 'ok' ? 'connected' : 'reconnect-needed',
    kind: connection.kind,
    locationId: connection.locationId,
    locationName: connection.locationName,
    scopes: connection.scopes,
    canWrite: readOnlyReason === undefined,
    readOnlyReason,
    since: connection.connectedAt,
    reconnectReason:
      connection.health.state === 'reconnect-needed' ? connection.health.reason : undefined,
  };
}

/** Reads a published status; anything unreadable counts as not connected. */
export function parseConnectionStatus(value: unknown): ConnectionStatus {
  const parsed = connectionStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : NOT_CONNECTED;
}
