import { connectionStatusSchema, NOT_CONNECTED } from '../auth/connection-status';
import { defineStoredItem } from './stored-item';

/** The storage key of the published connection status. */
export const CONNECTION_STATUS_KEY = 'connectionStatus';

/**
 * What every context may know about the GHL connection (never a token), published by the
 * background after every change so the popup, options page and panels show the same state.
 * Anything unreadable counts as not connected.
 */
export const connectionStatusItem = defineStoredItem({
  key: CONNECTION_STATUS_KEY,
  area: 'local',
  schema: connectionStatusSchema,
  fallback: () => NOT_CONNECTED,
});
